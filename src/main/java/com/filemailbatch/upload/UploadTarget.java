package com.filemailbatch.upload;

import java.net.URI;
import java.util.Objects;

/**
 * Where the files of one transfer go: the transfer's id and key (which authorise the upload) and the upload URL
 * exactly as initialize returned it.
 */
public record UploadTarget(String transferId, String transferKey, URI uploadUrl) {

    public UploadTarget {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(transferKey, "transferKey");
        Objects.requireNonNull(uploadUrl, "uploadUrl");
    }

    /** The key authorises uploads, deletion and completion of the transfer: never in a log line. */
    @Override
    public String toString() {
        return "UploadTarget[transferId=" + transferId + ", transferKey=***, uploadUrl=" + uploadUrl + "]";
    }
}
