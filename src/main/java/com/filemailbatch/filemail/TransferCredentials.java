package com.filemailbatch.filemail;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code PUT /transfer/cancel} and {@code PUT /transfer/complete}: the transfer's id and secret key.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransferCredentials(String transferid, String transferkey) {

    @Override
    public String toString() {
        return "TransferCredentials[transferid=" + transferid + ", transferkey=***]";
    }
}
