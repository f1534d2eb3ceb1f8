package com.filemailbatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.journal.JournalEntry;
import com.filemailbatch.journal.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary's download links quote the CSV's references: their control characters are shown, never raw. */
class SummaryFormatterTest {

    @Test
    void aReferenceCannotRewriteTheTerminal() {
        String text = SummaryFormatter.downloads(List.of(
                new Delivery(2L, "INV-1\u001b[2J\r\nfake line\u202e", "t1", "https://x/d/t1", 10)));

        assertThat(text).contains("    INV-1\\u001b[2J\\u000d\\u000afake line\\u202e  https://x/d/t1")
                .doesNotContain("\u001b").doesNotContain("\u202e").doesNotContain("\r");
    }

    @Test
    void theFirstRejectionsAreShownSafelyWithHowManyMore() {
        String text = SummaryFormatter.rejections(List.of(
                new JournalEntry(1L, "initializeTransfersStep", 3L, "BAD-1", Outcome.REJECTED, "to",
                        "'x\u001b[2J' is not an e-mail address", null),
                new JournalEntry(1L, "initializeTransfersStep", 4L, "BAD-2", Outcome.REJECTED, null,
                        "duplicate reference", null)), 9);

        assertThat(text.lines()).containsExactly(
                "    line 3, column to: 'x\\u001b[2J' is not an e-mail address",
                "    line 4: duplicate reference",
                "    ... and 7 more in the file");
    }
}
