package com.filemailbatch.workers;

import tools.jackson.databind.ObjectMapper;

/**
 * What the manager sends a worker for one partition: Spring Batch's step execution request, plus who sends it, so
 * that a worker of another release or of another database refuses it instead of acting on it. Sent as JSON, never
 * as a serialized Java object.
 *
 * @param stepName        the worker step to run ({@code uploadPartitionStep})
 * @param stepExecutionId the partition's step execution, in the shared job repository
 * @param jobExecutionId  the run it belongs to
 * @param version         the manager's release
 * @param database        the manager's database ({@link DatabaseIdentity})
 */
record PartitionRequest(String stepName, long stepExecutionId, long jobExecutionId, String version, String database) {

    byte[] toJson(ObjectMapper json) {
        return json.writeValueAsBytes(this);
    }

    /** @throws tools.jackson.core.JacksonException when the body is no partition request */
    static PartitionRequest fromJson(ObjectMapper json, byte[] body) {
        PartitionRequest request = json.readValue(body, PartitionRequest.class);
        if (request.stepName() == null || request.version() == null || request.database() == null) {
            throw new IllegalArgumentException("not a partition request: it names no step, version or database");
        }
        return request;
    }
}
