package com.filemailbatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.journal.JournalEntry;
import com.filemailbatch.journal.RunJournal;
import com.filemailbatch.ledger.TestLedger;
import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.SandboxTransfer;
import com.filemailbatch.settings.BatchSettings;
import com.filemailbatch.support.FilemailBatchTest;
import com.filemailbatch.support.JobRuns;
import com.filemailbatch.support.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every run leaves a receipt chained to the one before; verify-receipts finds the first altered or removed one. The
 * receipts directory of the test context is shared with other test classes, so tampering happens on a copy.
 */
@FilemailBatchTest
class ReceiptChainTest {

    private static final LocalDate APRIL_1 = LocalDate.of(2026, 4, 1);

    @Autowired
    JobRuns jobs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FilemailSandbox sandbox;

    @Autowired
    BatchSettings properties;

    @Autowired
    ReceiptVerifier verifier;

    @Autowired
    ReceiptChain chain;

    @Autowired
    RunJournal journal;

    @Autowired
    ObjectMapper json;

    @TempDir
    Path dir;

    private final List<JobExecution> runs = new ArrayList<>();

    @BeforeEach
    void threeRunsOneOfThemFailed() throws Exception {
        TestData.reset(jdbc, sandbox);
        runs.add(jobs.send(TestData.csv(dir, "first.csv", "reference,subject,to,password", "R-1,First,a@example.com,"
                + "pa55-word-1", "R-2,Second,b@example.com,", "R-3,Bad,nobody@,"), APRIL_1));
        runs.add(jobs.send(TestData.csv(dir, "failed.csv", "reference,sujbect", "R-4,Typo"), APRIL_1));
        runs.add(jobs.send(TestData.csv(dir, "third.csv", "reference,subject", "R-5,Third", "R-1,Again"), APRIL_1));
        assertThat(runs.get(1).getStatus()).isEqualTo(BatchStatus.FAILED);
    }

    @Test
    void everyRunWritesAReceiptThatNamesThePreviousOnesDigest() throws Exception {
        Path reports = Path.of(properties.reportsDir());
        String previous = null;
        for (JobExecution run : runs) {
            Path receipt = reports.resolve("run-" + run.getId() + ".json");
            JsonNode node = json.readTree(receipt.toFile());
            assertThat(node.get("executionId").asLong()).isEqualTo(run.getId());
            if (previous != null) {
                assertThat(node.get("previousSha256").asString()).isEqualTo(previous);
            }
            assertThat(node.get("chainPosition").asLong()).isPositive();
            previous = sha256(receipt);
            assertThat(chain.forExecution(run.getId())).get().extracting(ChainLink::sha256).isEqualTo(previous);
        }
        assertThat(verifier.verify(reports).describe()).matches("\\d+ receipts, chain intact");
    }

    @Test
    void theReceiptListsEveryRowByReferenceAndTransferIdButNoSecret() throws Exception {
        Path receipt = Path.of(properties.reportsDir()).resolve("run-" + runs.get(0).getId() + ".json");
        JsonNode node = json.readTree(receipt.toFile());

        List<String> rows = new ArrayList<>();
        node.get("rows").forEach(row -> rows.add(row.get("reference").asString() + " " + row.get("outcome")
                .asString() + " " + (row.get("transferId").isNull() ? "-" : row.get("transferId").asString())));
        SandboxTransfer first = sandbox.transfers().stream().filter(t -> t.subject().equals("First")).findFirst()
                .orElseThrow();
        assertThat(rows).contains("R-1 INITIALIZED " + first.id(), "R-3 REJECTED -");
        assertThat(node.get("summary").get("initialized").asLong()).isEqualTo(2);
        String text = Files.readString(receipt);
        assertThat(text).doesNotContain("pa55-word-1").doesNotContain(sandbox.apiKey());
        sandbox.transfers().forEach(t -> assertThat(text).doesNotContain(t.key()));
    }

    @Test
    void anAlteredReceiptIsNamed() throws Exception {
        Path copy = copyOfReceipts();
        Path altered = copy.resolve("run-" + runs.get(1).getId() + ".json");
        Files.writeString(altered, Files.readString(altered).replace("\"false\"", "\"true\""));

        ReceiptCheck check = verifier.verify(copy);

        assertThat(check.intact()).isFalse();
        assertThat(check.describe()).startsWith("run-" + runs.get(1).getId() + ".json (execution "
                + runs.get(1).getId() + ", receipt ").contains("was altered");
    }

    @Test
    void aRemovedReceiptIsNamedEvenTheNewest() throws Exception {
        Path copy = copyOfReceipts();
        Files.delete(copy.resolve("run-" + runs.get(0).getId() + ".json"));
        assertThat(verifier.verify(copy).describe()).startsWith("run-" + runs.get(0).getId() + ".json")
                .contains("was removed");

        Path newest = copyOfReceipts();
        Files.delete(newest.resolve("run-" + runs.get(2).getId() + ".json"));
        assertThat(verifier.verify(newest).describe()).startsWith("run-" + runs.get(2).getId() + ".json")
                .contains("was removed");
    }

    @Test
    void receiptsTheDatabaseNeverRecordedAreNotCalledIntactAndAnAlteredOneIsSeenInTheFiles() throws Exception {
        Path copy = Files.createTempDirectory(dir, "unrecorded-");
        String first = "run-" + runs.get(0).getId() + ".json";
        String second = "run-" + runs.get(1).getId() + ".json";
        Files.copy(Path.of(properties.reportsDir()).resolve(first), copy.resolve(first));
        Files.copy(Path.of(properties.reportsDir()).resolve(second), copy.resolve(second));
        TestLedger empty = TestLedger.create();
        ReceiptVerifier unrecorded = new ReceiptVerifier(new ReceiptChain(empty.jdbc(), empty.transactionManager()),
                json);

        ReceiptCheck whole = unrecorded.verify(copy);

        assertThat(whole.intact()).isFalse();
        assertThat(whole.describe()).isEqualTo(first + ", " + second + " are not in the chain the database "
                + "records: nothing vouches for them");

        Files.writeString(copy.resolve(first), Files.readString(copy.resolve(first)).replace("\"R-1\"",
                "\"R-9\""));
        ReceiptCheck altered = unrecorded.verify(copy);

        assertThat(altered.intact()).isFalse();
        assertThat(altered.describe().lines()).hasSize(2).first().asString().startsWith(second + " (receipt ")
                .contains("one of them was altered").contains("but " + first);
    }

    @Test
    void aReceiptFileTheChainDoesNotRecordIsNamed() throws Exception {
        Path copy = copyOfReceipts();
        Path newest = copy.resolve("run-" + runs.get(2).getId() + ".json");
        Files.copy(newest, copy.resolve("run-999999.json"));

        ReceiptCheck check = verifier.verify(copy);

        assertThat(check.intact()).isFalse();
        assertThat(check.describe().lines()).contains("run-999999.json is not in the chain the database records: "
                + "nothing vouches for it");
    }

    @Test
    void theJournalIsReadPageByPageInWritingOrder() {
        List<String> references = new ArrayList<>();
        journal.forEachPaged(runs.get(0).getId(), 2, entry -> references.add(entry.reference()));
        List<String> all = new ArrayList<>();
        journal.forEachPaged(runs.get(0).getId(), 1000, entry -> all.add(entry.reference()));

        assertThat(references).hasSize(3).containsExactlyElementsOf(all).contains("R-1", "R-2", "R-3");
        JournalEntry[] none = new JournalEntry[1];
        journal.forEachPaged(-1, 2, entry -> none[0] = entry);
        assertThat(none[0]).isNull();
    }

    private Path copyOfReceipts() throws IOException {
        Path copy = Files.createTempDirectory(dir, "receipts-");
        try (Stream<Path> files = Files.list(Path.of(properties.reportsDir()))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    private static String sha256(Path file) throws IOException {
        return HexFormat.of().formatHex(ReceiptWriter.sha256().digest(Files.readAllBytes(file)));
    }
}
