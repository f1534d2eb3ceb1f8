package com.filemailbatch.startup.jar;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.net.URL;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.springframework.boot.loader.launch.Archive;
import org.springframework.boot.loader.launch.LaunchedClassLoader;
import org.springframework.boot.loader.net.protocol.nested.NestedLocation;

/**
 * Spring Boot's class loader for the packaged jar, spared its searches through every nested jar.
 * <p>
 * To load a class, Boot's loader (a {@code URLClassLoader}) looks for it in each nested jar in class path order,
 * opening a connection to each (over a hundred) until one has it; and before that it defines the class's package
 * from the manifest of the jar that holds it, found by the same kind of search. On a cold start that was about a
 * fifth of the main thread's time (docs/performance.md). With the build's package index ({@link ClassPathPackages})
 * this loader goes to the jars of the class's package only, defines the package from the manifest of the jar it
 * found the class in (as Boot would), and the class with that jar as its code source (as Boot would). A class of a
 * package the index does not name is looked for as Boot looks. The application's own classes are read from the
 * packaged jar itself, with BOOT-INF/classes as their code source (see {@link #packagedJar}).
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

    /**
     * The packaged jar itself, for the application's classes: Boot's loader reads BOOT-INF/classes as a jar of its
     * own, which it makes by going through every entry of the packaged jar (about a sixth of {@code --help}); the
     * JDK's reading of the packaged jar is open already (the JVM started from it). Null where the class path is not
     * the packaged jar's.
     */
    private final JarFile packagedJar;

    /** Where the packaged jar holds the application's classes. */
    static final String APPLICATION_ENTRIES = "BOOT-INF/classes/";

    /** The build's index, or null (an older jar, a test's loader): then every class is looked for as Boot looks. */
    private final ClassPathPackages packages;

    /** Each nested jar's URL on this class path, by its entry name in the packaged jar. */
    private final Map<String, URL> nestedJars = new HashMap<>();

    /** The nested jars this loader opened, its own (as Boot's loader keeps its own), closed with it. */
    private final Map<URL, JarFile> openJars = new ConcurrentHashMap<>();

    private final Map<URL, CodeSource> codeSources = new ConcurrentHashMap<>();

    /**
     * Packages that a class was asked for and no jar of the package holds: Boot's loader then defines the package
     * without a manifest's attributes whatever class of it comes later, and so does this one.
     */
    private final Set<String> undefinable = ConcurrentHashMap.newKeySet();

    private volatile boolean closed;

    NestedJarsClassLoader(boolean exploded, Archive root, URL[] urls, ClassLoader parent, ClassPathPackages packages)
            throws IOException {
        super(exploded, root, urls, parent);
        this.rootManifest = root.getManifest();
        this.applicationClasses = urls.length == 0 ? null : urls[0];
        this.packages = packages;
        this.packagedJar = packages == null ? null : packagedJar(applicationClasses);
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
            } else if (!closed && !undefinable.contains(packageName)) {
                // Defined here, Boot's loader finds it defined and does not search for it.
                defineLibraryPackage(name, packageName);
            }
        }
        return super.loadClass(name, resolve);
    }

    /**
     * As Boot's loader defines a package before it loads a class of it: from the manifest of the first jar, in class
     * path order, that holds the class, lists the package's directory and has a manifest; where a jar holds the class
     * but none is such, without a manifest's attributes (as the {@code URLClassLoader} then defines it). Where no jar
     * of the package holds the class, the package is left for Boot's loader to search, and remembered (see
     * {@link #undefinable}).
     */
    private void defineLibraryPackage(String className, String packageName) {
        List<Located> holders = locateAll(className);
        if (holders == null) {
            return;
        }
        if (holders.isEmpty()) {
            undefinable.add(packageName);
            return;
        }
        String directory = packageName.replace('.', '/') + "/";
        for (Located holder : holders) {
            Manifest manifest = holder.jar().getEntry(directory) == null ? null : manifest(holder.jar());
            if (manifest != null) {
                definePackageOnce(packageName, manifest, holder.url());
                return;
            }
        }
        definePackageOnce(packageName, null, null);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (closed) {
            return super.findClass(name);
        }
        try {
            if (name.startsWith(APPLICATION_PREFIX) && packagedJar != null) {
                JarEntry entry = packagedJar.getJarEntry(APPLICATION_ENTRIES + name.replace('.', '/') + ".class");
                if (entry != null) {
                    return define(name, packagedJar, entry, applicationClasses);
                }
            }
            List<Located> holders = locateAll(name);
            if (holders != null && !holders.isEmpty()) {
                Located first = holders.get(0);
                return define(name, first.jar(), first.entry(), first.url());
            }
        } catch (IOException | IllegalStateException e) {
            // A jar that cannot be read here: Boot's loader looks as it would have.
        }
        return super.findClass(name);
    }

    /**
     * The class from that entry, its code source the jar's URL on this class path, as Boot's loader defines it: its
     * package, if not defined yet, without a manifest's attributes, and a sealed package refused to a class of
     * another code source.
     */
    private Class<?> define(String name, JarFile jar, JarEntry entry, URL codeSource) throws IOException {
        byte[] bytes;
        try (InputStream in = jar.getInputStream(entry)) {
            bytes = in.readAllBytes();
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            String packageName = name.substring(0, dot);
            Package defined = getDefinedPackage(packageName);
            if (defined == null) {
                definePackageOnce(packageName, null, null);
            } else if (defined.isSealed() && !defined.isSealed(codeSource)) {
                throw new SecurityException("sealing violation: package " + packageName + " is sealed");
            }
        }
        return defineClass(name, bytes, 0, bytes.length, codeSources.computeIfAbsent(codeSource,
                url -> new CodeSource(url, (CodeSigner[]) null)));
    }

    /** A class file found in a nested jar through the index: the jar's URL on the class path, the jar, the entry. */
    private record Located(URL url, JarFile jar, JarEntry entry) {
    }

    /**
     * The jars of the class's package that hold it, in class path order (the first is where it is loaded from); null
     * if the index does not name its package.
     */
    private List<Located> locateAll(String className) {
        int dot = className.lastIndexOf('.');
        List<String> jars = packages == null || dot < 0 ? null
                : packages.jarsOf(className.substring(0, dot + 1).replace('.', '/'));
        if (jars == null) {
            return null;
        }
        String entryName = className.replace('.', '/') + ".class";
        List<Located> holders = new ArrayList<>(1);
        for (String jarName : jars) {
            URL url = nestedJars.get(jarName);
            JarFile jar = url == null ? null : open(url);
            JarEntry entry = jar == null ? null : jar.getJarEntry(entryName);
            if (entry != null) {
                holders.add(new Located(url, jar, entry));
            }
        }
        return holders;
    }

    /** The packaged jar that holds BOOT-INF/classes at {@code jar:nested:/path/app.jar/!BOOT-INF/classes/!/}. */
    private static JarFile packagedJar(URL applicationClasses) {
        String text = applicationClasses == null ? "" : applicationClasses.toString();
        if (!text.startsWith("jar:nested:") || !text.endsWith("!" + APPLICATION_ENTRIES + "!/")) {
            return null;
        }
        try {
            NestedLocation location = NestedLocation.fromUri(URI.create(text.substring("jar:".length(),
                    text.length() - "!/".length())));
            return new JarFile(location.path().toFile());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        try {
            super.close();
        } finally {
            for (JarFile jar : openJars.values()) {
                jar.close();
            }
            openJars.clear();
            if (packagedJar != null) {
                packagedJar.close();
            }
        }
    }

    /**
     * The nested jar, opened as Boot's loader opens its own: not Boot's shared instance, which another loader's
     * closing closes.
     */
    private JarFile open(URL url) {
        return openJars.computeIfAbsent(url, jar -> {
            try {
                URLConnection connection = jar.openConnection();
                connection.setUseCaches(false);
                return ((JarURLConnection) connection).getJarFile();
            } catch (IOException e) {
                return null;
            }
        });
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
