package com.filemailbatch.startup.jar;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collection;
import org.springframework.boot.loader.launch.Archive;
import org.springframework.boot.loader.launch.JarLauncher;

/**
 * The packaged jar's {@code Main-Class}: Spring Boot's {@link JarLauncher} with a class loader that goes to the
 * nested jars of a class's package only, by the build's package index, instead of through every nested jar (see
 * {@link NestedJarsClassLoader}). The build adds
 * this package at the jar's root, beside Boot's launcher; nothing else of the application is there.
 */
public final class PackagedJarLauncher extends JarLauncher {

    private final ClassLoader parent;

    private final ClassPathPackages packages;

    public PackagedJarLauncher() throws Exception {
        this.parent = getClass().getClassLoader();
        this.packages = packageIndex(parent);
    }

    /**
     * The launcher of this archive, its application's classes loaded after {@code parent}'s, looked for in the jars
     * that {@code packages} names (null: in every jar, as Boot's loader looks).
     */
    PackagedJarLauncher(Archive archive, ClassLoader parent, ClassPathPackages packages) throws Exception {
        super(archive);
        this.parent = parent;
        this.packages = packages;
    }

    public static void main(String[] args) throws Exception {
        new PackagedJarLauncher().launch(args);
    }

    /** The class loader that the application is started with. */
    ClassLoader applicationClassLoader() throws Exception {
        return createClassLoader(getClassPathUrls());
    }

    /**
     * Unpacked (the jar extracted to a directory and this class started from it), there are no nested jars to spare:
     * Spring Boot's own loader, which also adds the jars its class path index names there.
     */
    @Override
    protected ClassLoader createClassLoader(Collection<URL> urls) throws Exception {
        if (isExploded()) {
            return super.createClassLoader(urls);
        }
        return new NestedJarsClassLoader(false, getArchive(), urls.toArray(URL[]::new), parent, packages);
    }

    /** The build's package index at the packaged jar's root, read through the loader of this class; else null. */
    private static ClassPathPackages packageIndex(ClassLoader jar) throws IOException {
        try (InputStream index = jar == null ? null : jar.getResourceAsStream(ClassPathPackages.LOCATION)) {
            return index == null ? null : ClassPathPackages.read(index);
        }
    }
}
