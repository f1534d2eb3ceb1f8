package com.filemailbatch.startup.jar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which nested jars of the packaged jar hold the classes of each package: {@code BOOT-INF/classpath-packages.idx},
 * written by the build beside Boot's {@code classpath.idx} and read by {@link NestedJarsClassLoader}, which then
 * looks for a class in the jars of its package only. One line per package: its path, then the jars that hold classes
 * of it, in class path order, separated by tabs ({@code org/h2/<TAB>BOOT-INF/lib/h2-2.4.240.jar}). Left out, and so
 * looked for as Boot looks: the packages of the application's own classes (BOOT-INF/classes comes first on the class
 * path).
 */
public final class ClassPathPackages {

    /** Where the build puts the index in the packaged jar. */
    static final String LOCATION = "BOOT-INF/classpath-packages.idx";

    private static final String CLASS_PATH_INDEX = "BOOT-INF/classpath.idx";
    private static final String APPLICATION_CLASSES = "BOOT-INF/classes/";
    private static final String VERSIONED = "META-INF/versions/";
    private static final char SEPARATOR = '\t';

    private final Map<String, List<String>> jarsByPackage;

    private ClassPathPackages(Map<String, List<String>> jarsByPackage) {
        this.jarsByPackage = jarsByPackage;
    }

    /** The jars (their entry names, in class path order) that hold classes of that package; null if not indexed. */
    List<String> jarsOf(String packagePath) {
        return jarsByPackage.get(packagePath);
    }

    /**
     * Reads an index the build wrote. Read at every start of the jar, before the JIT has compiled anything: by hand,
     * a line at a time, the jars of a package kept as the line has them.
     */
    static ClassPathPackages read(InputStream index) throws IOException {
        String text = new String(index.readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> jarsByPackage = new HashMap<>(4096);
        for (int start = 0, end; start < text.length(); start = end + 1) {
            end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            int tab = text.indexOf(SEPARATOR, start);
            if (tab > start && tab < end) {
                String jars = text.substring(tab + 1, end);
                jarsByPackage.put(text.substring(start, tab), jars.indexOf(SEPARATOR) < 0 ? List.of(jars)
                        : List.of(jars.split(String.valueOf(SEPARATOR))));
            }
        }
        return new ClassPathPackages(jarsByPackage);
    }

    /**
     * The index of a packaged jar, from its nested jars' central directories (each copied out to be read as a zip
     * file, as Boot reads it).
     */
    static ClassPathPackages of(Path jar) throws IOException {
        Path copy = Files.createTempFile("nested-", ".jar");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Set<String> application = new HashSet<>();
            zip.stream().map(ZipEntry::getName).filter(name -> name.startsWith(APPLICATION_CLASSES))
                    .map(name -> packageOf(name.substring(APPLICATION_CLASSES.length())))
                    .filter(name -> name != null).forEach(application::add);
            Map<String, List<String>> jarsByPackage = new LinkedHashMap<>();
            for (String nested : classPath(zip)) {
                if (nested.indexOf(SEPARATOR) >= 0 || nested.indexOf('\n') >= 0) {
                    throw new IllegalArgumentException("a tab or a line break in a jar's name: " + nested);
                }
                try (InputStream in = zip.getInputStream(zip.getEntry(nested))) {
                    Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                }
                Set<String> packages = new TreeSet<>();
                try (ZipFile entries = new ZipFile(copy.toFile())) {
                    entries.stream().map(entry -> packageOf(entry.getName()))
                            .filter(packagePath -> packagePath != null && !application.contains(packagePath))
                            .forEach(packages::add);
                }
                packages.forEach(packagePath -> jarsByPackage.computeIfAbsent(packagePath, p -> new ArrayList<>())
                        .add(nested));
            }
            return new ClassPathPackages(jarsByPackage);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** Writes the index of {@code args[0]}, a packaged jar, to {@code args[1]}/{@value #LOCATION}. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[1]).resolve(LOCATION);
        Files.createDirectories(out.getParent());
        Files.write(out, of(Path.of(args[0])).lines(), StandardCharsets.UTF_8);
    }

    /** The index as the build writes it, a line per package, in the packages' order. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        new TreeMap<>(jarsByPackage).forEach((packagePath, jars) -> lines.add(packagePath + SEPARATOR
                + String.join(String.valueOf(SEPARATOR), jars)));
        return lines;
    }

    private static List<String> classPath(ZipFile zip) throws IOException {
        List<String> jars = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                zip.getInputStream(zip.getEntry(CLASS_PATH_INDEX)), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                // - "BOOT-INF/lib/name.jar"
                int open = line.indexOf('"');
                if (open >= 0) {
                    jars.add(line.substring(open + 1, line.lastIndexOf('"')));
                }
            }
        }
        return jars;
    }

    /** The package of a class entry ({@code org/h2/}), a multi-release jar's versions included; else null. */
    static String packageOf(String entry) {
        String name = entry;
        if (name.startsWith(VERSIONED)) {
            int version = name.indexOf('/', VERSIONED.length());
            name = version < 0 ? "" : name.substring(version + 1);
        }
        int slash = name.lastIndexOf('/');
        if (!name.endsWith(".class") || slash <= 0 || name.startsWith("META-INF/")) {
            return null;
        }
        return name.substring(0, slash + 1);
    }
}
