package com.filemailbatch.filemail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Body of {@code POST /transfer/initialize}: the sender's fields of the seed schema
 * {@code InitializeTransferRequest}. The "Incoming transfer" fields (companyid, fileRequestId, incomingpageid, ...)
 * are left out on purpose: a sender never sets them. Absent values are omitted from the JSON, never sent as null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InitializeTransferRequest(
        List<String> to,
        String subject,
        String message,
        String password,
        Boolean confirmation,
        @JsonProperty("notify") Boolean notification,
        Integer days,
        Long transfersize,
        String sourcedetails) {

    @Override
    public String toString() {
        return "InitializeTransferRequest[to=" + to + ", subject=" + subject + ", password="
                + (password == null ? null : "***") + ", days=" + days + ", notify=" + notification
                + ", confirmation=" + confirmation + ", transfersize=" + transfersize + "]";
    }
}
