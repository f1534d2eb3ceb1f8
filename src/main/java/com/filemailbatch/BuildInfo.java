package com.filemailbatch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this build, as the build wrote it ({@code META-INF/build-info.properties}, from the
 * spring-boot-maven-plugin's {@code build-info} goal): what {@code --version}, the {@code sourcedetails} sent to
 * Filemail and serve's {@code /actuator/info} all show.
 */
public final class BuildInfo {

    /** The version when the classes did not come from a Maven build (an IDE, say). */
    public static final String DEVELOPMENT_BUILD = "development build";

    private static final String VERSION = read();

    private BuildInfo() {
    }

    /** The project's version, such as {@code 0.1.0}, or {@value #DEVELOPMENT_BUILD}. */
    public static String version() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/META-INF/build-info.properties")) {
            if (in == null) {
                return DEVELOPMENT_BUILD;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("build.version", "").strip();
            return version.isEmpty() ? DEVELOPMENT_BUILD : version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read META-INF/build-info.properties", e);
        }
    }
}
