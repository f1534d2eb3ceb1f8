package com.filemailbatch.filemail;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/** The Filemail REST API v2, as far as this tool uses it. Headers and errors: {@link FilemailClientConfiguration}. */
@FeignClient(name = "filemail", url = "${filemail.base-url}", configuration = FilemailClientConfiguration.class)
interface FilemailClient {

    @PostMapping(path = "/transfer/initialize", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    FilemailEnvelope<TransferInitializeResult> initialize(@RequestBody InitializeTransferRequest request);

    @PutMapping(path = "/transfer/cancel", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    FilemailEnvelope<Object> cancel(@RequestBody TransferCredentials request);

    @PutMapping(path = "/transfer/complete", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    FilemailEnvelope<CompleteResult> complete(@RequestBody TransferCredentials request);

    @GetMapping(path = "/transfer/{transferid}", produces = MediaType.APPLICATION_JSON_VALUE)
    FilemailEnvelope<SentTransfer> details(@PathVariable("transferid") String transferId);

    @GetMapping(path = "/transfer/sent", produces = MediaType.APPLICATION_JSON_VALUE)
    FilemailEnvelope<SentTransfers> sent(@RequestParam("search") String search, @RequestParam("limit") int limit,
            @RequestParam("skip") int skip);
}
