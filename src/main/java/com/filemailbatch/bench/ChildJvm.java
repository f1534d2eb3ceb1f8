package com.filemailbatch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the bench starts a child JVM on this program: from the packaged jar as {@code java -jar} runs it, or from this
 * class path (an IDE, the tests, whose class path may be one manifest-only jar).
 */
final class ChildJvm {

    /** The program's entry point: named, not imported, since the command line depends on this package. */
    private static final String MAIN_CLASS = "com.filemailbatch.cli.FilemailBatchCli";
    private static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private ChildJvm() {
    }

    /** This JVM's {@code java}: children run on the same Java as the bench. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The command line after the JVM options that runs the program, as a user runs it. */
    static List<String> program() {
        String classPath = System.getProperty("java.class.path");
        return fromBootJar() ? List.of("-jar", classPath) : List.of("-cp", classPath, MAIN_CLASS);
    }

    /** The command line after the JVM options that runs {@code mainClass} of this program's classes. */
    static List<String> mainClass(String mainClass) {
        String classPath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of("-cp", classPath));
        if (fromBootJar()) {
            command.addAll(List.of("-Dloader.main=" + mainClass, PROPERTIES_LAUNCHER));
        } else {
            command.add(mainClass);
        }
        return command;
    }

    /**
     * Whether this JVM runs the packaged jar: its classes loaded by Spring Boot's launcher's class loader, or by the
     * jar's own launcher's, which extends it. By name: outside the packaged jar Boot's loader is not on the class path.
     */
    static boolean fromBootJar() {
        for (Class<?> type = ChildJvm.class.getClassLoader().getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().startsWith("org.springframework.boot.loader.")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts a child that goes with the bench: a bench stopped with Ctrl-C takes its child with it (that child's
     * sandbox is gone anyway), and closing it ends it if it still runs.
     */
    static Child start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        Thread stop = new Thread(process::destroy);
        Runtime.getRuntime().addShutdownHook(stop);
        return new Child(process, stop);
    }

    record Child(Process process, Thread stop) implements AutoCloseable {

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroy();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }
}
