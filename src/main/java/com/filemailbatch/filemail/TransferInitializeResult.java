package com.filemailbatch.filemail;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The {@code data} of a successful initialize: where to upload, and the id and secret key of the transfer. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TransferInitializeResult(
        String transferid,
        String transferkey,
        String transferurl,
        String region,
        @JsonProperty("alternate_urls") List<String> alternateUrls,
        String transferip,
        Integer udpport,
        Integer udpthreshold,
        Map<String, String> customfields) {

    @Override
    public String toString() {
        return "TransferInitializeResult[transferid=" + transferid + ", transferkey=***, transferurl=" + transferurl
                + ", region=" + region + "]";
    }
}
