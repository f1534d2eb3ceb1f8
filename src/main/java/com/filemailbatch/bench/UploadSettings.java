package com.filemailbatch.bench;

/**
 * What the upload figure measures.
 *
 * @param megabytes     size in MiB of the generated file (0: upload not measured)
 * @param passes        measured passes of each side (the job and the plain client), interleaved; the figure of a
 *                      side is the median of its passes
 * @param sandboxStores true for sandboxes that write every received chunk to disk, as in the tests; false (the
 *                      default) for sandboxes that read and count the bytes only. A real file server stores the
 *                      bytes on its own machine: storing them here made this machine's two cores and disk serve
 *                      both the client and the server, and the figure measured that contention as much as the client
 */
public record UploadSettings(int megabytes, int passes, boolean sandboxStores) {

    public UploadSettings {
        if (megabytes < 0 || passes < 1) {
            throw new IllegalArgumentException("megabytes must be at least 0 and passes at least 1");
        }
    }
}
