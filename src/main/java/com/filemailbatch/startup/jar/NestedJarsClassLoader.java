package com.filemailbatch.startup.jar;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.springframework.boot.loader.launch.Archive;
import org.springframework.boot.loader.launch.LaunchedClassLoader;

/**
 * Spring Boot's class loader for the packaged jar, spared its searches through every nested jar.
 * <p>
 * To load a class, Boot's loader (a {@code URLClassLoader}) looks for it in each nested jar in class path order,
 * opening a connection to each (over a hundred) until one has it; and before that it defines the class's package
 * from the manifest of the jar that holds it, found by the same kind of search. On a cold start that was about a
 * tenth of the main thread's time (docs/performance.md). With the build's package index ({@link ClassPathPackages})
 * this loader goes to the jars of the class's package only, defines the package from the manifest of the jar it
 * found the class in (as Boot would), and the class with that jar as its code source (as Boot would). A class of a
 * package the index does not name is looked for as Boot looks.
 * <p>
 * Two searches end where they would have ended without one: no nested jar holds the application's own packages
 * (BOOT-INF/classes does), so they get the jar's own manifest at once; nor the JDK's {@code jdk.internal.reflect}
 * classes, which reflection asks this loader for when it generates an accessor, and which come from the parent.
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

    /** The build's index, or null (an older jar, a test's loader): then every class is looked for as Boot looks. */
    private final ClassPathPackages packages;

    /** Each nested jar's URL on this class path, by its entry name in the packaged jar. */
    private final Map<String, URL> nestedJars = new HashMap<>();

    private final Map<URL, JarFile> openJars = new ConcurrentHashMap<>();

    private final Map<URL, CodeSource> codeSources = new ConcurrentHashMap<>();

    NestedJarsClassLoader(boolean exploded, Archive root, URL[] urls, ClassLoader parent, ClassPathPackages packages)
            throws IOException {
        super(exploded, root, urls, parent);
        this.rootManifest = root.getManifest();
        this.applicationClasses = urls.length == 0 ? null : urls[0];
        this.packages = packages;
        for (URL url : urls) {
            // jar:nested:/path/to/app.jar/!BOOT-INF/lib/name.jar!/
            String text = url.toString();
            int entry = text.indexOf("/!");
            if (entry > 0 && text.endsWith("!/")) {
                nestedJars.put(text.substring(entry + 2, text.length() - 2), url);
            }
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(REFLECTION_PREFIX)) {
            return getParent().loadClass(name);
        }
        int dot = name.lastIndexOf('.');
        String packageName = dot < 0 ? "" : name.substring(0, dot);
        if (dot > 0 && getDefinedPackage(packageName) == null) {
            if (name.startsWith(APPLICATION_PREFIX)) {
                definePackageOnce(packageName, rootManifest, applicationClasses);
            } else {
                // Defined here, Boot's loader finds it defined and does not search for it.
                Located located = locate(name);
                if (located != null) {
                    defineLibraryPackage(packageName, located);
                }
            }
        }
        return super.loadClass(name, resolve);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        Located located = locate(name);
        if (located == null) {
            return super.findClass(name);
        }
        byte[] bytes;
        try (InputStream in = located.jar().getInputStream(located.entry())) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0 && getDefinedPackage(name.substring(0, dot)) == null) {
            defineLibraryPackage(name.substring(0, dot), located);
        }
        return defineClass(name, bytes, 0, bytes.length, codeSources.computeIfAbsent(located.url(),
                url -> new CodeSource(url, (CodeSigner[]) null)));
    }

    /** A class file found in a nested jar through the index: the jar's URL on the class path, the jar, the entry. */
    private record Located(URL url, JarFile jar, JarEntry entry) {
    }

    /** The first jar of the class's package that holds it, in class path order; null if the index does not say. */
    private Located locate(String className) {
        int dot = className.lastIndexOf('.');
        List<String> jars = packages == null || dot < 0 ? null
                : packages.jarsOf(className.substring(0, dot + 1).replace('.', '/'));
        if (jars == null) {
            return null;
        }
        String entryName = className.replace('.', '/') + ".class";
        for (String jarName : jars) {
            URL url = nestedJars.get(jarName);
            JarFile jar = url == null ? null : open(url);
            JarEntry entry = jar == null ? null : jar.getJarEntry(entryName);
            if (entry != null) {
                return new Located(url, jar, entry);
            }
        }
        return null;
    }

    /** The nested jar, as Boot's connections open it (and cache it) for its own class loading. */
    private JarFile open(URL url) {
        return openJars.computeIfAbsent(url, jar -> {
            try {
                return ((JarURLConnection) jar.openConnection()).getJarFile();
            } catch (IOException e) {
                return null;
            }
        });
    }

    /**
     * As Boot's loader defines it: from the manifest of the jar that holds the class if the jar has an entry for the
     * package's directory, else as a {@code URLClassLoader} defines it from Boot's nested jars, without one.
     */
    private void defineLibraryPackage(String packageName, Located located) {
        boolean listed = located.jar().getEntry(packageName.replace('.', '/') + "/") != null;
        definePackageOnce(packageName, listed ? manifest(located.jar()) : null, located.url());
    }

    private static Manifest manifest(JarFile jar) {
        try {
            return jar.getManifest();
        } catch (IOException e) {
            return null;
        }
    }

    private void definePackageOnce(String packageName, Manifest manifest, URL url) {
        try {
            if (manifest != null) {
                definePackage(packageName, manifest, url);
            } else {
                definePackage(packageName, null, null, null, null, null, null, null);
            }
        } catch (IllegalArgumentException definedMeanwhile) {
            // Another thread defined it first (the loader is parallel capable): the same package either way.
        }
    }
}
