package com.filemailbatch.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class OpenApiSchemasTest {

    private static final OpenApiSchemas SCHEMAS = OpenApiSchemas.load();

    private static List<SchemaViolation> initialize(String json) {
        return SCHEMAS.validate("InitializeTransferRequest", SandboxClient.JSON.readTree(json));
    }

    @Test
    void minimalBodyIsValid() {
        assertThat(initialize("{\"subject\":\"Hello\"}")).isEmpty();
    }

    @Test
    void everyOptionalFieldSetIsValid() {
        assertThat(initialize("""
                {"subject":"S","to":["a@example.com"],"message":"m","password":"p","confirmation":true,
                 "notify":false,"days":7,"transfersize":9000000000,"sourcedetails":"filemail-batch",
                 "companyid":"c","fileRequestId":"f","fileRequestShareId":"fs","incomingpageid":"i",
                 "incomingpassword":"ip","customfields":[{"id":"x","value":"y"}]}""")).isEmpty();
    }

    @Test
    void nullableFieldsAcceptNull() {
        assertThat(initialize("""
                {"subject":"S","to":null,"message":null,"days":null,"customfields":null,"notify":null}"""))
                .isEmpty();
    }

    @Test
    void missingSubjectIsInputParameterMissing() {
        assertThat(initialize("{\"message\":\"m\"}")).containsExactly(
                new SchemaViolation("subject", "InputParameterMissing", "'subject' is required."));
    }

    @Test
    void nullRequiredSubjectIsMissing() {
        assertThat(initialize("{\"subject\":null}")).extracting(SchemaViolation::errorCode)
                .containsExactly("InputParameterMissing");
    }

    @Test
    void subjectLengthIsBounded() {
        assertThat(initialize("{\"subject\":\"" + "x".repeat(200) + "\"}")).isEmpty();
        assertThat(initialize("{\"subject\":\"" + "x".repeat(201) + "\"}")).containsExactly(
                new SchemaViolation("subject", "InvalidParameter", "'subject' must be at most 200 characters long."));
        assertThat(initialize("{\"subject\":\"\"}")).extracting(SchemaViolation::propertyName, SchemaViolation::errorCode)
                .containsExactly(tuple("subject", "InvalidParameter"));
    }

    @Test
    void unknownFieldIsRejected() {
        assertThat(initialize("{\"subject\":\"S\",\"from\":\"me@example.com\"}")).containsExactly(
                new SchemaViolation("from", "InvalidParameter", "'from' is not a known property."));
    }

    @Test
    void wrongTypesAreRejected() {
        assertThat(initialize("{\"subject\":5,\"days\":\"7\",\"notify\":\"yes\",\"to\":\"a@example.com\"}"))
                .extracting(SchemaViolation::propertyName, SchemaViolation::errorMessage)
                .containsExactlyInAnyOrder(
                        tuple("subject", "'subject' must be a string."),
                        tuple("days", "'days' must be an integer."),
                        tuple("notify", "'notify' must be a boolean."),
                        tuple("to", "'to' must be an array."));
    }

    @Test
    void int32RangeIsEnforcedButInt64IsNot() {
        assertThat(initialize("{\"subject\":\"S\",\"days\":2147483648}")).extracting(SchemaViolation::propertyName)
                .containsExactly("days");
        assertThat(initialize("{\"subject\":\"S\",\"transfersize\":2147483648}")).isEmpty();
        assertThat(initialize("{\"subject\":\"S\",\"days\":1.5}")).extracting(SchemaViolation::propertyName)
                .containsExactly("days");
    }

    @Test
    void nullOnNonNullableIsRejected() {
        assertThat(initialize("{\"subject\":\"S\",\"to\":[null]}")).containsExactly(
                new SchemaViolation("to[0]", "InvalidParameter", "'to[0]' must not be null."));
    }

    @Test
    void customFieldItemsAreValidatedWithNestedNames() {
        assertThat(initialize("{\"subject\":\"S\",\"customfields\":[{\"id\":\"a\",\"value\":\"b\"},{\"id\":\"c\"}]}"))
                .containsExactly(new SchemaViolation("customfields[1].value", "InputParameterMissing",
                        "'customfields[1].value' is required."));
        assertThat(initialize("{\"subject\":\"S\",\"customfields\":[{\"id\":\"a\",\"value\":\"b\",\"x\":1}]}"))
                .extracting(SchemaViolation::propertyName).containsExactly("customfields[0].x");
    }

    @Test
    void bodyThatIsNotAnObjectIsRejected() {
        assertThat(initialize("[1,2]")).containsExactly(
                new SchemaViolation("body", "InvalidParameter", "'body' must be a JSON object."));
    }

    @Test
    void cancelAndCompleteNeedIdAndKey() {
        JsonNode empty = SandboxClient.JSON.readTree("{\"transferid\":\"\"}");
        assertThat(SCHEMAS.validate("CancelTransferRequest", empty))
                .extracting(SchemaViolation::propertyName, SchemaViolation::errorCode)
                .containsExactly(tuple("transferid", "InvalidParameter"),
                        tuple("transferkey", "InputParameterMissing"));
        assertThat(SCHEMAS.validate("CompleteTransferRequest",
                SandboxClient.JSON.readTree("{\"transferid\":\"a\",\"transferkey\":\"b\",\"extra\":true}")))
                .extracting(SchemaViolation::propertyName).containsExactly("extra");
    }

    @Test
    void unknownSchemaNameFails() {
        assertThatThrownBy(() -> SCHEMAS.validate("Nope", SandboxClient.JSON.readTree("{}")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
