package com.filemailbatch.csv;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the paths of the CSV's {@code files} column point, bound from {@code filemail.files.*}.
 *
 * @param baseDir the directory the paths are relative to; empty (the default) means the CSV file's own directory.
 *                No path may lead out of it.
 */
@ConfigurationProperties("filemail.files")
public record FilesProperties(@DefaultValue("") String baseDir) {

    /** The base directory for an input file: the configured one, or the input's own directory. */
    public Path baseDirFor(Path input) {
        if (baseDir != null && !baseDir.isBlank()) {
            return Path.of(baseDir).toAbsolutePath().normalize();
        }
        Path parent = input.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }
}
