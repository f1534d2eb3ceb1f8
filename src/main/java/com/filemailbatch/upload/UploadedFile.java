package com.filemailbatch.upload;

/**
 * One file the upload URL accepted in full.
 *
 * @param name   the file name sent as {@code thefilename}
 * @param size   bytes in the file
 * @param chunks requests the file takes when sent from the start (1 for a file of at most one chunk)
 */
public record UploadedFile(String name, long size, int chunks) {
}
