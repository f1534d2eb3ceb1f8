package com.filemailbatch.sandbox;

/** An error a test queued with {@link FilemailSandbox#respondNext}; used once by the next matching request. */
record ScriptedAnswer(String method, String path, int httpStatus, String responseStatus, String errorMessage) {

    boolean matches(String requestMethod, String requestPath) {
        return method.equalsIgnoreCase(requestMethod) && path.equals(requestPath);
    }
}
