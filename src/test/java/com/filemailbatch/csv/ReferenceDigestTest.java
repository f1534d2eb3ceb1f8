package com.filemailbatch.csv;

import static com.filemailbatch.csv.RowBuilder.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReferenceDigestTest {

    private final TransferDefinitionValidator validator = new TransferDefinitionValidator();

    private RowBuilder fullRow() {
        return row().subject("Invoice March").to("alice@example.com;bob@example.org").message("Hello")
                .password("s3cret").days("7").notify("true").confirmation("false").files("/a.pdf;/b.pdf");
    }

    private String reference(RowBuilder row) {
        return ((ValidTransfer) validator.validate(row.build())).reference();
    }

    @Test
    void isStableForTheSameContent() {
        assertThat(reference(fullRow())).isEqualTo(reference(fullRow()))
                .isEqualTo(ReferenceDigest.of("Invoice March", List.of("alice@example.com", "bob@example.org"),
                        "Hello", "7", "true", "false", List.of("/a.pdf", "/b.pdf")))
                .matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void ignoresWhatNormalizationRemoves() {
        assertThat(reference(fullRow().subject("  Invoice March ").to(" ALICE@Example.com ; bob@example.org;")
                .days("+7").notify("TRUE").confirmation("False").files(" /a.pdf ;;/b.pdf")))
                .isEqualTo(reference(fullRow()));
    }

    @Test
    void doesNotDependOnThePassword() {
        assertThat(reference(fullRow().password("other"))).isEqualTo(reference(fullRow()));
        assertThat(reference(fullRow().password(null))).isEqualTo(reference(fullRow()));
    }

    @Test
    void differsWhenAnyContentDiffers() {
        String original = reference(fullRow());

        assertThat(List.of(
                reference(fullRow().subject("Invoice April")),
                reference(fullRow().to("bob@example.org;alice@example.com")),
                reference(fullRow().message("Hello!")),
                reference(fullRow().message(null)),
                reference(fullRow().days("8")),
                reference(fullRow().notify("false")),
                reference(fullRow().confirmation(null)),
                reference(fullRow().files("/a.pdf"))))
                .doesNotContain(original)
                .doesNotHaveDuplicates();
    }

    @Test
    void cannotBeFooledByMovingTextBetweenFields() {
        assertThat(ReferenceDigest.of("ab", List.of(), "c", null, null, null, List.of()))
                .isNotEqualTo(ReferenceDigest.of("a", List.of(), "bc", null, null, null, List.of()));
        assertThat(ReferenceDigest.of("s", List.of("a@x.io", "b@x.io"), null, null, null, null, List.of()))
                .isNotEqualTo(ReferenceDigest.of("s", List.of("a@x.io"), null, null, null, null, List.of("b@x.io")));
        assertThat(ReferenceDigest.of("s", List.of(), "", null, null, null, List.of()))
                .isNotEqualTo(ReferenceDigest.of("s", List.of(), null, null, null, null, List.of()));
    }
}
