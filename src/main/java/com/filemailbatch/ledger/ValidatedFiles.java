package com.filemailbatch.ledger;

import java.util.List;

/**
 * A row's files as the path rules found them when the row was validated, kept with the row
 * ({@code transfer_ledger.validated_files}) so that the upload, maybe days later, sends exactly those files.
 *
 * @param baseDir the base directory's real path: the files are opened below it, following no link
 * @param files   the files in the row's order
 */
public record ValidatedFiles(String baseDir, List<File> files) {

    public ValidatedFiles {
        files = List.copyOf(files);
    }

    /**
     * One file as validated.
     *
     * @param path     the absolute path as the row names it (its file name is what the recipients see)
     * @param realPath where it was found, every link resolved: below {@code baseDir}
     * @param fileKey  its identity on the file system (device and inode), or null where the file system has none
     * @param size     its size in bytes (what initialize's {@code transfersize} counted)
     * @param modified its last modification then (milliseconds since the epoch); null in rows of earlier releases
     * @param host     the machine that validated it; null in rows of earlier releases. On another machine (a worker)
     *                 the same file on shared storage has another device number, so there its size and modification
     *                 time say whether it is the file that was validated
     */
    public record File(String path, String realPath, String fileKey, long size, Long modified, String host) {

        public File(String path, String realPath, String fileKey, long size) {
            this(path, realPath, fileKey, size, null, null);
        }
    }
}
