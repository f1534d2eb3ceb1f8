package com.filemailbatch.filemail;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One entry of an error envelope's {@code validationerrors}: which property broke which rule. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ValidationError(String propertyName, String errorCode, String errorMessage) {

    /** {@code to[1]: InvalidEmail (not an e-mail address)}. */
    public String describe() {
        return propertyName + ": " + errorCode + (errorMessage == null ? "" : " (" + errorMessage + ")");
    }
}
