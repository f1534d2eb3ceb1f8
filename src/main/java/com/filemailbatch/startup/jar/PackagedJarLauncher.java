package com.filemailbatch.startup.jar;

import java.net.URL;
import java.util.Collection;
import org.springframework.boot.loader.launch.Archive;
import org.springframework.boot.loader.launch.JarLauncher;

/**
 * The packaged jar's {@code Main-Class}: Spring Boot's {@link JarLauncher} with a class loader that does not open
 * every nested jar to define a package that none of them holds (see {@link NestedJarsClassLoader}). The build adds
 * this package at the jar's root, beside Boot's launcher; nothing else of the application is there.
 */
public final class PackagedJarLauncher extends JarLauncher {

    private final ClassLoader parent;

    public PackagedJarLauncher() throws Exception {
        this.parent = getClass().getClassLoader();
    }

    /** The launcher of this archive, its application's classes loaded after {@code parent}'s. */
    PackagedJarLauncher(Archive archive, ClassLoader parent) throws Exception {
        super(archive);
        this.parent = parent;
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
        return new NestedJarsClassLoader(false, getArchive(), urls.toArray(URL[]::new), parent);
    }
}
