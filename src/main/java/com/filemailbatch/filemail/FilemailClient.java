package com.filemailbatch.filemail;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** The Filemail REST API v2, as far as this tool uses it. Headers and errors: {@link FilemailClientConfiguration}. */
@FeignClient(name = "filemail", url = "${filemail.base-url}", configuration = FilemailClientConfiguration.class)
interface FilemailClient {

    @PostMapping(path = "/transfer/initialize", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    FilemailEnvelope<TransferInitializeResult> initialize(@RequestBody InitializeTransferRequest request);

    @PutMapping(path = "/transfer/cancel", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    FilemailEnvelope<Object> cancel(@RequestBody TransferCredentials request);
}
