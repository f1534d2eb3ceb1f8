package com.filemailbatch.csv;

import static com.filemailbatch.csv.RowBuilder.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransferDefinitionValidatorTest {

    private final TransferDefinitionValidator validator = new TransferDefinitionValidator();

    @Test
    void normalizesAValidRow() {
        Validation result = validator.validate(row().reference("  INV-1 ").subject("  Invoice March ")
                .to(" alice@example.com ;; Bob@Example.org;").message("  Hello\nthere ").password(" p w ")
                .days(" 7 ").notify("TRUE").confirmation("false").files(" /a.pdf ; ;/b c.pdf;").build());

        assertThat(result).isEqualTo(new ValidTransfer("INV-1", true, "Invoice March",
                List.of("alice@example.com", "Bob@Example.org"), "  Hello\nthere ", " p w ", 7, true, false,
                List.of("/a.pdf", "/b c.pdf"), "orders.csv", 12));
    }

    @Test
    void leavesAbsentValuesNullOrEmptyAndComputesTheReference() {
        ValidTransfer valid = (ValidTransfer) validator.validate(row().message("   ").password("").build());

        assertThat(valid.reference()).matches("sha256:[0-9a-f]{64}");
        assertThat(valid.referenceGiven()).isFalse();
        assertThat(valid.to()).isEmpty();
        assertThat(valid.files()).isEmpty();
        assertThat(valid.message()).isNull();
        assertThat(valid.password()).isNull();
        assertThat(valid.days()).isNull();
        assertThat(valid.notification()).isNull();
        assertThat(valid.confirmation()).isNull();
    }

    @Test
    void acceptsSubjectsOfOneAndOfTwoHundredCharacters() {
        assertValid(row().subject("x"));
        assertValid(row().subject("y".repeat(200)));
        assertValid(row().subject("  " + "z".repeat(200) + "  "));
    }

    @Test
    void rejectsASubjectOfTwoHundredAndOneCharacters() {
        assertRejected(row().subject("s".repeat(201)), "subject", "subject is 201 characters; at most 200 are allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void rejectsABlankSubject(String subject) {
        assertRejected(row().subject(subject), "subject", "subject is required");
    }

    @Test
    void rejectsAMissingSubject() {
        assertRejected(row().subject(null), "subject", "subject is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1", " 30 ", "+2", "365"})
    void acceptsDays(String days) {
        assertValid(row().days(days));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-2", "1.5", "abc", "99999999999", "1e3"})
    void rejectsDays(String days) {
        assertRejected(row().days(days), "days",
                "days must be -1 or a whole number of at least 1, got '" + days + "'");
    }

    @Test
    void readsDaysAsANumber() {
        assertThat(((ValidTransfer) validator.validate(row().days("-1").build())).days()).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRUE", "true", "True", "false", "FALSE"})
    void acceptsNotifyAndConfirmationInAnyCase(String flag) {
        ValidTransfer valid = (ValidTransfer) validator.validate(row().notify(flag).confirmation(flag).build());

        assertThat(valid.notification()).isEqualTo(Boolean.parseBoolean(flag));
        assertThat(valid.confirmation()).isEqualTo(Boolean.parseBoolean(flag));
    }

    @Test
    void rejectsNotifyOtherThanTrueOrFalse() {
        assertRejected(row().notify("yes"), "notify", "notify must be true or false, got 'yes'");
    }

    @Test
    void rejectsConfirmationOtherThanTrueOrFalse() {
        assertRejected(row().confirmation("1"), "confirmation", "confirmation must be true or false, got '1'");
    }

    @Test
    void acceptsAMessageOfFiveThousandCharacters() {
        assertValid(row().message("m".repeat(5000)));
    }

    @Test
    void rejectsAMessageOfFiveThousandAndOneCharacters() {
        assertRejected(row().message("m".repeat(5001)), "message",
                "message is 5001 characters; at most 5000 are allowed");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        assertValid(row().subject("\uD83D\uDE00".repeat(200)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b.co", "first.last+tag@mail.example.com", "O'Brien@example.ie", "x@sub-domain.example"})
    void acceptsPlausibleAddresses(String address) {
        assertValid(row().to(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bob@", "@example.com", "bob", "bob@example", "bob@@example.com", "bob@exa mple.com",
            "bob smith@example.com", "Bob <bob@example.com>", "a@example.com,b@example.com", "bob@.example.com",
            "bob@example.com.", "bob@example..com"})
    void rejectsImplausibleAddresses(String address) {
        assertRejected(row().to(address), "to", "'" + address + "' is not an e-mail address");
    }

    @Test
    void reportsTheFirstBadRecipient() {
        assertRejected(row().to("ok@example.com; bob@ ; also@bad"), "to", "'bob@' is not an e-mail address");
    }

    @Test
    void acceptsAGivenReferenceOfUpToTwoHundredCharacters() {
        ValidTransfer valid = (ValidTransfer) validator.validate(row().reference(" " + "r".repeat(200) + " ").build());

        assertThat(valid.reference()).isEqualTo("r".repeat(200));
        assertThat(valid.referenceGiven()).isTrue();
    }

    @Test
    void rejectsALongReferenceWithoutInventingOne() {
        Rejection rejection = assertRejected(row().reference("r".repeat(230)), "reference",
                "reference is 230 characters; at most 200 are allowed");

        assertThat(rejection.reference()).isNull();
    }

    @Test
    void rejectsAReferenceWithControlCharacters() {
        assertRejected(row().reference("INV\n7"), "reference",
                "reference must not contain control characters, got 'INV\\n7'");
    }

    @Test
    void rejectsAFilePathWithAControlCharacter() {
        assertRejected(row().files("a.pdf;b\n.pdf"), "files", "file path 'b\\n.pdf' contains a control character");
    }

    @Test
    void rejectsARowThatDoesNotFitTheHeaderFirst() {
        Rejection rejection = (Rejection) validator.validate(
                row().structureProblem("7 fields, the header has 5").subject("").days("0").build());

        assertThat(rejection.column()).isNull();
        assertThat(rejection.reason()).isEqualTo("7 fields, the header has 5");
        assertThat(rejection.describe()).isEqualTo("orders.csv: line 12: 7 fields, the header has 5");
    }

    @Test
    void reportsTheFirstBrokenRuleInColumnOrder() {
        Rejection rejection = (Rejection) validator.validate(
                row().subject("").to("bob@").days("0").notify("yes").build());

        assertThat(rejection.column()).isEqualTo("subject");
    }

    @Test
    void rejectionCarriesTheGivenReferenceOrTheDigest() {
        Rejection withGiven = (Rejection) validator.validate(row().reference(" INV-9 ").days("0").build());
        Rejection withoutGiven = (Rejection) validator.validate(row().days("0").build());

        assertThat(withGiven.reference()).isEqualTo("INV-9");
        assertThat(withoutGiven.reference()).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void describesARejectionOnOneLine() {
        Rejection rejection = assertRejected(row().to("bob@"), "to", "'bob@' is not an e-mail address");

        assertThat(rejection.describe()).isEqualTo("orders.csv: line 12, column 'to': 'bob@' is not an e-mail address");
    }

    @Test
    void keepsLongOrMultiLineValuesOutOfMessagesBeyondAnExcerpt() {
        Rejection rejection = (Rejection) validator.validate(row().days("x".repeat(100) + "\n").build());

        assertThat(rejection.reason()).isEqualTo(
                "days must be -1 or a whole number of at least 1, got '" + "x".repeat(60) + "...'");
    }

    @Test
    void neverPrintsThePassword() {
        Validation valid = validator.validate(row().password("hunter2").build());

        assertThat(valid.toString()).doesNotContain("hunter2").contains("password=***");
    }

    private void assertValid(RowBuilder row) {
        assertThat(validator.validate(row.build())).isInstanceOf(ValidTransfer.class);
    }

    private Rejection assertRejected(RowBuilder row, String column, String reason) {
        Validation result = validator.validate(row.build());
        assertThat(result).isInstanceOf(Rejection.class);
        Rejection rejection = (Rejection) result;
        assertThat(rejection.column()).isEqualTo(column);
        assertThat(rejection.reason()).isEqualTo(reason);
        assertThat(rejection.sourceFile()).isEqualTo("orders.csv");
        assertThat(rejection.line()).isEqualTo(12);
        return rejection;
    }
}
