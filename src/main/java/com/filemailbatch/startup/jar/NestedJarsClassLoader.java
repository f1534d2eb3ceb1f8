package com.filemailbatch.startup.jar;

import java.io.IOException;
import java.net.URL;
import java.util.jar.Manifest;
import org.springframework.boot.loader.launch.Archive;
import org.springframework.boot.loader.launch.LaunchedClassLoader;

/**
 * Spring Boot's class loader for the packaged jar, spared two searches through every nested jar.
 * <p>
 * Before it loads a class, Boot's loader defines the class's package from the manifest of the nested jar that holds
 * it, looking for that jar in class path order, opening each (over a hundred) on the way. No nested jar holds the
 * application's own packages (BOOT-INF/classes does), so for them the search ends empty and the class is defined
 * with the jar's own manifest; nor the JDK's {@code jdk.internal.reflect} classes, which reflection asks this loader
 * for when it generates an accessor, and which the JDK then loads. This loader skips both searches and ends where
 * they end: the application's packages get the jar's manifest at once, the JDK's classes come from the parent. On a
 * cold JVM that is about a tenth of a second less before {@code --help} prints (docs/performance.md).
 */
final class NestedJarsClassLoader extends LaunchedClassLoader {

    static {
        ClassLoader.registerAsParallelCapable();
    }

    /** Prefix of the application's own classes, which only BOOT-INF/classes holds. */
    static final String APPLICATION_PREFIX = "com.filemailbatch.";

    /** Prefix of the JDK classes that generated reflection accessors need: never in a nested jar. */
    static final String REFLECTION_PREFIX = "jdk.internal.reflect.";

    private final Manifest rootManifest;

    private final URL applicationClasses;

    NestedJarsClassLoader(boolean exploded, Archive root, URL[] urls, ClassLoader parent) throws IOException {
        super(exploded, root, urls, parent);
        this.rootManifest = root.getManifest();
        this.applicationClasses = urls.length == 0 ? null : urls[0];
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(REFLECTION_PREFIX)) {
            return getParent().loadClass(name);
        }
        if (name.startsWith(APPLICATION_PREFIX)) {
            defineApplicationPackage(name.substring(0, name.lastIndexOf('.')));
        }
        return super.loadClass(name, resolve);
    }

    private void defineApplicationPackage(String packageName) {
        if (getDefinedPackage(packageName) != null) {
            return;
        }
        try {
            definePackage(packageName, rootManifest, applicationClasses);
        } catch (IllegalArgumentException definedMeanwhile) {
            // Another thread defined it first (the loader is parallel capable): the same package either way.
        }
    }
}
