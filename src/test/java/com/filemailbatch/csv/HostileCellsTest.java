package com.filemailbatch.csv;

import static com.filemailbatch.csv.RowBuilder.row;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cells that would mislead a reader: control characters in a subject, bidirectional controls, invisible characters
 * and mixed scripts in addresses, a subject nobody can see. Each is rejected with its column and a rule that names
 * the character by code point, never the character itself.
 */
class HostileCellsTest {

    private final TransferDefinitionValidator validator = new TransferDefinitionValidator();

    @ParameterizedTest
    @CsvSource({"001B, 5", "0007, 5", "0000, 5", "000D, 5", "000A, 5"})
    void rejectsAControlCharacterInASubject(String hex, int position) {
        String control = Character.toString(Integer.parseInt(hex, 16));

        Rejection rejection = assertRejected(row().subject("Invo" + control + "ice"), "subject",
                "subject contains a control character (U+" + hex + ") at position " + position);

        assertThat(rejection.reason()).doesNotContain(control);
    }

    @Test
    void countsTheSubjectsPositionInTheCellAsWrittenAndInCharacters() {
        assertRejected(row().subject("  \uD83D\uDE00\u001B[31mred"), "subject",
                "subject contains a control character (U+001B) at position 4");
    }

    @Test
    void stillTrimsBlanksAroundASubject() {
        assertValid(row().subject("\tInvoice March\r\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"202E", "202A", "202B", "202C", "202D", "2066", "2067", "2068", "2069", "200E", "200F",
            "061C"})
    void rejectsABidirectionalControlInASubjectAReferenceAFileAndAnAddress(String hex) {
        String bidi = Character.toString(Integer.parseInt(hex, 16));
        String rule = "a bidirectional control character (U+" + hex + ") at position 4";

        assertRejected(row().subject("abc" + bidi + "fdp.exe"), "subject", "subject contains " + rule);
        assertRejected(row().reference("INV" + bidi + "7"), "reference", "reference contains " + rule);
        assertRejected(row().files("inv" + bidi + "fdp.exe"), "files",
                "file path 'inv\\u" + hex + "fdp.exe' contains " + rule);
        Rejection address = assertRejected(row().to("ok@example.com;bob" + bidi + "@example.com"), "to",
                "address 'bob\\u" + hex + "@example.com' contains " + rule);
        assertThat(address.reason()).doesNotContain(bidi);
    }

    @ParameterizedTest
    @ValueSource(strings = {"200B", "200C", "200D", "2060", "FEFF", "00A0", "2007", "00AD"})
    void rejectsAnAddressWithAnInvisibleCharacter(String hex) {
        String invisible = Character.toString(Integer.parseInt(hex, 16));

        Rejection rejection = assertRejected(row().to("bo" + invisible + "b@example.com"), "to",
                "address 'bo" + (Character.getType(invisible.charAt(0)) == Character.FORMAT ? "\\u" + hex : invisible)
                        + "b@example.com' contains an invisible character (U+" + hex + ") at position 3");

        assertThat(rejection.column()).isEqualTo("to");
    }

    @Test
    void rejectsAnAddressThatMixesScripts() {
        // The second letter is CYRILLIC SMALL LETTER A.
        assertRejected(row().to("p\u0430ypal@example.com"), "to",
                "address 'p\u0430ypal@example.com' mixes scripts (Latin, Cyrillic); write it in one script");
        assertRejected(row().to("admin@\u0435xample.com"), "to",
                "address 'admin@\u0435xample.com' mixes scripts (Latin, Cyrillic); write it in one script");
    }

    @ParameterizedTest
    @ValueSource(strings = {"иван@пример.рф", "müller@bücher.de", "taro@例え.jp", "山田@example.jp", "用户@例子.广告",
            "δοκιμή@παράδειγμα.δοκιμή", "first.last+tag@mail.example.com"})
    void acceptsAddressesOfOneScriptOrLatinWithAnEastAsianScript(String address) {
        assertValid(row().to(address));
    }

    @Test
    void rejectsAnAddressOfMoreThan254Characters() {
        String address = "a".repeat(243) + "@example.com";

        assertValid(row().to("a".repeat(242) + "@example.com"));
        assertRejected(row().to(address), "to", "address '" + "a".repeat(60) + "...' is 255 characters; "
                + "at most 254 are allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00A0\u00A0\u00A0", "\u200B", "\u00A0\u2007\u3000", "\uFEFF\u00A0"})
    void rejectsASubjectWithNothingVisible(String subject) {
        assertRejected(row().subject(subject), "subject",
                "subject has no visible character (only spaces or invisible characters)");
    }

    @Test
    void acceptsRightToLeftTextWithoutControls() {
        assertValid(row().subject("فاتورة مارس").to("info@example.com"));
    }

    private void assertValid(RowBuilder row) {
        assertThat(validator.validate(row.build())).isInstanceOf(ValidTransfer.class);
    }

    private Rejection assertRejected(RowBuilder row, String column, String reason) {
        Validation result = validator.validate(row.build());
        assertThat(result).as(reason).isInstanceOf(Rejection.class);
        Rejection rejection = (Rejection) result;
        assertThat(rejection.column()).isEqualTo(column);
        assertThat(rejection.reason()).isEqualTo(reason);
        assertThat(rejection.line()).isEqualTo(12);
        return rejection;
    }
}
