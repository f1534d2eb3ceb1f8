package com.filemailbatch.startup.jar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.InputStream;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.loader.launch.Archive;
import org.springframework.boot.loader.launch.LaunchedClassLoader;
import org.springframework.boot.loader.net.protocol.Handlers;

/**
 * The packaged jar's own launcher, on the jar the build made: named in its manifest, at its root, and loading the
 * application's classes as Spring Boot's launcher would. The application's classes are loaded here from the jar
 * alone (after the JDK's), never from the test's class path.
 */
class PackagedJarLauncherIT {

    private static final File JAR = new File(System.getProperty("filemail.batch.jar", "target/filemail-batch.jar"));

    private static final ClassLoader JDK = ClassLoader.getPlatformClassLoader();

    @BeforeAll
    static void nestedJarUrls() {
        // What Boot's launcher does first: jar:nested: URLs become readable.
        Handlers.register();
    }

    @Test
    void theJarStartsWithItsOwnLauncherAndKeepsItsNestedJarsStored() throws Exception {
        try (JarFile jar = new JarFile(JAR)) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertThat(manifest.getValue("Main-Class")).isEqualTo(PackagedJarLauncher.class.getName());
            assertThat(manifest.getValue("Start-Class")).isEqualTo("com.filemailbatch.cli.FilemailBatchCli");
            assertThat(jar.getEntry("com/filemailbatch/startup/jar/PackagedJarLauncher.class")).isNotNull();
            assertThat(jar.getEntry("com/filemailbatch/startup/jar/NestedJarsClassLoader.class")).isNotNull();
            assertThat(jar.getEntry("org/springframework/boot/loader/launch/JarLauncher.class")).isNotNull();

            List<ZipEntry> nested = jar.stream().filter(entry -> entry.getName().startsWith("BOOT-INF/lib/")
                    && entry.getName().endsWith(".jar")).map(ZipEntry.class::cast).toList();
            assertThat(nested).hasSizeGreaterThan(50)
                    .allSatisfy(entry -> assertThat(entry.getMethod()).as(entry.getName()).isEqualTo(ZipEntry.STORED));
            assertThat(nested).noneMatch(entry -> entry.getName().contains("spring-boot-loader"));
        }
    }

    @Test
    void theJarCarriesTheIndexOfItsNestedJarsPackages() throws Exception {
        ClassPathPackages shipped = shippedIndex();

        assertThat(shipped.lines()).as("the index in the jar, against one made from it now")
                .isEqualTo(ClassPathPackages.of(JAR.toPath()).lines());
        assertThat(shipped.jarsOf("org/h2/")).singleElement().asString().startsWith("BOOT-INF/lib/h2-");
        assertThat(shipped.jarsOf("org/springframework/core/")).singleElement().asString()
                .startsWith("BOOT-INF/lib/spring-core-");
        // The application's classes are looked for as Boot looks: BOOT-INF/classes comes first.
        assertThat(shipped.jarsOf("com/filemailbatch/cli/")).isNull();
    }

    @Test
    void classesAndPackagesAreDefinedAsBootsLauncherDefinesThem() throws Exception {
        Archive archive = Archive.create(JAR);
        ClassLoader ours = new PackagedJarLauncher(archive, JDK, shippedIndex()).applicationClassLoader();
        try (URLClassLoader boots = new LaunchedClassLoader(false, archive, ((URLClassLoader) ours).getURLs(), JDK)) {
            for (String name : List.of("com.filemailbatch.cli.FilemailBatchCli", "com.filemailbatch.BuildInfo",
                    "picocli.CommandLine", "org.springframework.core.SpringVersion", "org.h2.Driver",
                    "org.flywaydb.core.Flyway", "com.zaxxer.hikari.HikariDataSource", "ch.qos.logback.classic.Logger",
                    "org.springframework.boot.SpringApplication", "tools.jackson.databind.json.JsonMapper")) {
                Class<?> loaded = Class.forName(name, false, ours);
                Class<?> byBoot = Class.forName(name, false, boots);

                assertThat(loaded.getClassLoader()).as(name).isSameAs(ours);
                assertThat(loaded.getProtectionDomain().getCodeSource().getLocation()).as(name)
                        .isEqualTo(byBoot.getProtectionDomain().getCodeSource().getLocation());
                assertThat(loaded.getProtectionDomain().getCodeSource().getCodeSigners()).as(name).isNull();
                Package own = loaded.getPackage();
                Package expected = byBoot.getPackage();
                assertThat(own.getImplementationTitle()).as(name).isEqualTo(expected.getImplementationTitle());
                assertThat(own.getImplementationVersion()).as(name).isEqualTo(expected.getImplementationVersion());
                assertThat(own.getImplementationVendor()).as(name).isEqualTo(expected.getImplementationVendor());
                assertThat(own.getSpecificationVersion()).as(name).isEqualTo(expected.getSpecificationVersion());
                assertThat(own.isSealed()).as(name).isEqualTo(expected.isSealed());
            }
            // Packages defined from their jar's manifest (h2's jar lists no directories: Boot defines its package
            // without one, and so does this loader).
            for (String name : List.of("picocli.CommandLine", "org.springframework.core.SpringVersion")) {
                assertThat(Class.forName(name, false, ours).getPackage().getImplementationVersion()).as(name)
                        .isNotNull();
            }
            assertThat(Class.forName("org.h2.Driver", false, ours).getPackage().getImplementationVersion()).isNull();
            // The application's packages carry the jar's own version, as with Boot's launcher.
            assertThat(Class.forName("com.filemailbatch.cli.FilemailBatchCli", false, ours).getPackage()
                    .getImplementationVersion()).isEqualTo(System.getProperty("filemail.batch.version",
                    "0.1.0-SNAPSHOT"));
        } finally {
            ((URLClassLoader) ours).close();
        }
    }

    @Test
    void aPackageAClassWasLookedForInVainIsDefinedAsBootDefinesIt() throws Exception {
        Archive archive = Archive.create(JAR);
        try (URLClassLoader ours = (URLClassLoader) new PackagedJarLauncher(archive, JDK, shippedIndex())
                .applicationClassLoader();
                URLClassLoader boots = new LaunchedClassLoader(false, archive, ours.getURLs(), JDK)) {
            for (ClassLoader loader : List.of(ours, boots)) {
                assertThatThrownBy(() -> Class.forName("org.springframework.core.NoSuchProbe", false, loader))
                        .isInstanceOf(ClassNotFoundException.class);
            }
            // Boot's loader remembers the package it could not define and leaves the manifest out afterwards.
            Package own = Class.forName("org.springframework.core.SpringVersion", false, ours).getPackage();
            Package expected = Class.forName("org.springframework.core.SpringVersion", false, boots).getPackage();

            assertThat(own.getImplementationVersion()).isEqualTo(expected.getImplementationVersion());
            assertThat(own.getImplementationTitle()).isEqualTo(expected.getImplementationTitle());
        }
    }

    @Test
    void anotherLoadersClosingLeavesThisOneLoadingAndItsOwnClosingEndsIt() throws Exception {
        Archive archive = Archive.create(JAR);
        URLClassLoader ours = (URLClassLoader) new PackagedJarLauncher(archive, JDK, shippedIndex())
                .applicationClassLoader();
        try {
            Class.forName("picocli.CommandLine", false, ours);
            try (URLClassLoader boots = new LaunchedClassLoader(false, archive, ours.getURLs(), JDK)) {
                Class.forName("picocli.CommandLine", false, boots);
            }

            assertThat(Class.forName("picocli.CommandLine$Model$OptionSpec", false, ours).getClassLoader())
                    .isSameAs(ours);
        } finally {
            ours.close();
        }
        assertThatThrownBy(() -> Class.forName("org.h2.tools.Server", false, ours))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void reflectionsOwnClassesComeFromTheJdk() throws Exception {
        try (URLClassLoader ours = (URLClassLoader) new PackagedJarLauncher(Archive.create(JAR), JDK, shippedIndex())
                .applicationClassLoader()) {
            Class<?> accessor = Class.forName("jdk.internal.reflect.ConstructorAccessorImpl", false, ours);

            assertThat(accessor.getClassLoader()).isNull();
            assertThat(accessor.getModule().getName()).isEqualTo("java.base");
            assertThat(ours.getDefinedPackage("jdk.internal.reflect")).isNull();
        }
    }

    @Test
    void theJarUnpackedStartsWithTheSameLauncher(@TempDir Path unpacked) throws Exception {
        try (JarFile jar = new JarFile(JAR)) {
            for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
                Path target = unpacked.resolve(entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }

        Finished version = java(unpacked, "-cp", unpacked.toString(), PackagedJarLauncher.class.getName(),
                "--version");

        assertThat(version.exit()).as(version.output()).isZero();
        assertThat(version.output()).startsWith("filemail-batch ");
    }

    @Test
    void bootsLayeredExtractFindsALayerForEveryEntry(@TempDir Path layers) throws Exception {
        Finished extract = java(layers, "-Djarmode=tools", "-jar", JAR.getAbsolutePath(), "extract", "--layers",
                "--launcher", "--destination", layers.resolve("out").toString());

        assertThat(extract.exit()).as(extract.output()).isZero();
        assertThat(layers.resolve("out/spring-boot-loader/com/filemailbatch/startup/jar/PackagedJarLauncher.class"))
                .isRegularFile();
        assertThat(layers.resolve("out/spring-boot-loader/org/springframework/boot/loader/launch/JarLauncher.class"))
                .isRegularFile();
        assertThat(layers.resolve("out/application/BOOT-INF/classes/com/filemailbatch/cli/FilemailBatchCli.class"))
                .isRegularFile();
    }

    private record Finished(int exit, String output) {
    }

    /** The package index the build wrote into the jar. */
    private static ClassPathPackages shippedIndex() throws Exception {
        try (JarFile jar = new JarFile(JAR); InputStream index = jar.getInputStream(
                jar.getEntry(ClassPathPackages.LOCATION))) {
            return ClassPathPackages.read(index);
        }
    }

    private static Finished java(Path directory, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(List.of(arguments));
        Path output = directory.resolve("output.txt");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("not finished after 120 s: " + command);
        }
        return new Finished(process.exitValue(), Files.readString(output));
    }

    @Test
    void aClassThatIsNowhereIsNotFound() throws Exception {
        try (URLClassLoader ours = (URLClassLoader) new PackagedJarLauncher(Archive.create(JAR), JDK, shippedIndex())
                .applicationClassLoader()) {
            assertThatThrownBy(
                    () -> Class.forName("com.filemailbatch.NoSuchClass", false, ours))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(
                    () -> Class.forName("jdk.internal.reflect.NoSuchAccessor", false, ours))
                    .isInstanceOf(ClassNotFoundException.class);
            // A package the index names, a class no jar of it holds.
            assertThatThrownBy(() -> Class.forName("org.h2.NoSuchClass", false, ours))
                    .isInstanceOf(ClassNotFoundException.class);
        }
    }
}
