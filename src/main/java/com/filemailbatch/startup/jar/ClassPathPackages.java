package com.filemailbatch.startup.jar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Which nested jars of the packaged jar hold the classes of each package: {@code BOOT-INF/classpath-packages.idx},
 * written by the build beside Boot's {@code classpath.idx} and read by {@link NestedJarsClassLoader}, which then
 * looks for a class in the jars of its package only. One line per package: its path, then the jars that hold classes
 * of it, in class path order ({@code org/h2/ BOOT-INF/lib/h2-2.4.240.jar}). Left out, and so looked for as Boot
 * looks: the packages of the application's own classes (BOOT-INF/classes comes first on the class path) and those of
 * signed jars (a class defined from its bytes here would lose its signers).
 */
public final class ClassPathPackages {

    /** Where the build puts the index in the packaged jar. */
    static final String LOCATION = "BOOT-INF/classpath-packages.idx";

    private static final String CLASS_PATH_INDEX = "BOOT-INF/classpath.idx";
    private static final String APPLICATION_CLASSES = "BOOT-INF/classes/";
    private static final String VERSIONED = "META-INF/versions/";

    private final Map<String, List<String>> jarsByPackage;

    private ClassPathPackages(Map<String, List<String>> jarsByPackage) {
        this.jarsByPackage = jarsByPackage;
    }

    /** The jars (their entry names, in class path order) that hold classes of that package; null if not indexed. */
    List<String> jarsOf(String packagePath) {
        return jarsByPackage.get(packagePath);
    }

    /** Reads an index the build wrote. */
    static ClassPathPackages read(InputStream index) throws IOException {
        Map<String, List<String>> jarsByPackage = new LinkedHashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] fields = line.split(" ");
                if (fields.length > 1) {
                    jarsByPackage.put(fields[0], List.of(fields).subList(1, fields.length));
                }
            }
        }
        return new ClassPathPackages(jarsByPackage);
    }

    /** The index of a packaged jar, from its nested jars' entries. */
    static ClassPathPackages of(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Set<String> application = new HashSet<>();
            zip.stream().map(ZipEntry::getName).filter(name -> name.startsWith(APPLICATION_CLASSES))
                    .map(name -> packageOf(name.substring(APPLICATION_CLASSES.length())))
                    .filter(name -> name != null).forEach(application::add);
            Map<String, List<String>> jarsByPackage = new LinkedHashMap<>();
            for (String nested : classPath(zip)) {
                Set<String> packages = new TreeSet<>();
                boolean signed = false;
                try (ZipInputStream entries = new ZipInputStream(zip.getInputStream(zip.getEntry(nested)))) {
                    for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                        signed |= isSignature(entry.getName());
                        String packagePath = packageOf(entry.getName());
                        if (packagePath != null && !application.contains(packagePath)) {
                            packages.add(packagePath);
                        }
                    }
                }
                if (!signed) {
                    packages.forEach(packagePath -> jarsByPackage.computeIfAbsent(packagePath, p -> new ArrayList<>())
                            .add(nested));
                }
            }
            return new ClassPathPackages(jarsByPackage);
        }
    }

    /** Writes the index of {@code args[0]}, a packaged jar, to {@code args[1]}/{@value #LOCATION}. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[1]).resolve(LOCATION);
        Files.createDirectories(out.getParent());
        Files.write(out, of(Path.of(args[0])).lines(), StandardCharsets.UTF_8);
    }

    /** The index as the build writes it, a line per package. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        jarsByPackage.forEach((packagePath, jars) -> lines.add(packagePath + " " + String.join(" ", jars)));
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

    private static boolean isSignature(String entry) {
        return entry.startsWith("META-INF/") && entry.indexOf('/', "META-INF/".length()) < 0
                && (entry.endsWith(".SF") || entry.endsWith(".RSA") || entry.endsWith(".DSA") || entry.endsWith(".EC"));
    }
}
