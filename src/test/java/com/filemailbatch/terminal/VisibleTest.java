package com.filemailbatch.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** No control character of a user's text reaches the terminal raw; all other text is printed as it is. */
class VisibleTest {

    @Test
    void controlCharactersAreWrittenAsEscapes() {
        assertThat(Visible.text("a\u001b[2Jb\u0007c\u0000d\re\nf\tg\u007fh\u009bi"))
                .isEqualTo("a\\u001b[2Jb\\u0007c\\u0000d\\u000de\\u000af\\u0009g\\u007fh\\u009bi");
    }

    @Test
    void bidiAndInvisibleFormatCharactersAreWrittenAsEscapes() {
        assertThat(Visible.text("invoice\u202Efdp.exe")).isEqualTo("invoice\\u202efdp.exe");
        assertThat(Visible.text("a\u2066b\u200bc\ufeffd\u2028e")).isEqualTo("a\\u2066b\\u200bc\\ufeffd\\u2028e");
        assertThat(Visible.text("tag\uDB40\uDC01")).isEqualTo("tag\\udb40\\udc01");
    }

    @Test
    void printableTextIsTheSameInstance() {
        String text = "Ærlig talt, 日本語, C:\\data\\in.csv, \"quoted\" 🙂";

        assertThat(Visible.text(text)).isSameAs(text);
        assertThat(Visible.text(null)).isEqualTo("null");
    }

    @Test
    void linesKeepTheirBreaksAndNothingElse() {
        assertThat(Visible.lines("{\n  \"reference\" : \"A\u202Eb\u001b\"\r\n}\r"))
                .isEqualTo("{\n  \"reference\" : \"A\\u202eb\\u001b\"\r\n}\\u000d");
    }
}
