package com.filemailbatch.upload;

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
    public java.nio.file.Path baseDirFor(java.nio.file.Path input) {
        if (baseDir != null && !baseDir.isBlank()) {
            return java.nio.file.Path.of(baseDir).toAbsolutePath().normalize();
        }
        java.nio.file.Path parent = input.toAbsolutePath().normalize().getParent();
        return parent == null ? java.nio.file.Path.of("").toAbsolutePath() : parent;
    }
}
