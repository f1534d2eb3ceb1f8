package com.filemailbatch.upload;

import static com.filemailbatch.support.TestData.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.filemail.CallPolicy;
import com.filemailbatch.filemail.FilemailApi;
import com.filemailbatch.ledger.LedgerRepository;
import com.filemailbatch.sandbox.FilemailSandbox;
import com.filemailbatch.sandbox.RecordedRequest;
import com.filemailbatch.sandbox.SandboxFile;
import com.filemailbatch.sandbox.SandboxTransfer;
import com.filemailbatch.settings.BatchSettings;
import com.filemailbatch.support.FilemailBatchTest;
import com.filemailbatch.support.JobRuns;
import com.filemailbatch.support.TestData;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * sendTransfersJob delivering rows that name files: initialize, upload (5 MiB chunks, the smallest allowed),
 * complete. The sandbox keeps the bytes it received per file and chunk, so the digests of what arrived are compared
 * with the source files'.
 */
@FilemailBatchTest
@TestPropertySource(properties = "filemail.upload.chunk-size=5MB")
class UploadTransfersJobTest {

    private static final int MIB = 1024 * 1024;
    private static final int CHUNK = 5 * MIB;
    private static final String UPLOAD_PATH = "/savefile.ashx";

    @Autowired
    JobRuns jobs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FilemailSandbox sandbox;

    @Autowired
    LedgerRepository ledger;

    @Autowired
    FilemailApi api;

    @Autowired
    CallPolicy callPolicy;

    @Autowired
    BatchSettings properties;

    @TempDir
    Path dir;

    @TempDir
    Path outside;

    @BeforeEach
    void cleanSlate() {
        TestData.reset(jdbc, sandbox);
    }

    @Test
    void deliversEveryRowWithFilesAndTheBytesThatArriveAreTheSourceBytes() throws Exception {
        write("empty.txt", 0);
        write("one-chunk.bin", CHUNK);
        write("chunk-plus-one.bin", CHUNK + 1);
        for (int i = 1; i <= 6; i++) {
            write("many/part-" + i + ".txt", 1000 * i);
        }
        write("docs/name with spaces.txt", 1234);
        write("docs/Grüße 日本 ñ.txt", 4321);
        Path input = TestData.csv(dir, "deliver.csv", "reference,subject,to,files",
                "U-EMPTY,Empty file,ann@example.com,empty.txt",
                "U-ONE,Exactly one chunk,ann@example.com,one-chunk.bin",
                "U-PLUS,One chunk plus one byte,ann@example.com,chunk-plus-one.bin",
                "U-MANY,Many files,ann@example.com,many/part-1.txt;many/part-2.txt;many/part-3.txt;many/part-4.txt;"
                        + "many/part-5.txt;many/part-6.txt",
                "U-NAMES,Names,ann@example.com,docs/name with spaces.txt;docs/Grüße 日本 ñ.txt",
                "U-NOFILES,No files,ann@example.com,");

        JobExecution execution = jobs.send(input, LocalDate.of(2026, 11, 25));

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
        assertThat(TestData.ledgerStatuses(jdbc)).containsExactlyInAnyOrderEntriesOf(Map.of("U-EMPTY", "COMPLETED",
                "U-ONE", "COMPLETED", "U-PLUS", "COMPLETED", "U-MANY", "COMPLETED", "U-NAMES", "COMPLETED",
                "U-NOFILES", "INITIALIZED"));
        assertReceivedAsSent("U-EMPTY", "empty.txt");
        assertReceivedAsSent("U-ONE", "one-chunk.bin");
        assertReceivedAsSent("U-PLUS", "chunk-plus-one.bin");
        assertReceivedAsSent("U-MANY", "many/part-1.txt", "many/part-2.txt", "many/part-3.txt", "many/part-4.txt",
                "many/part-5.txt", "many/part-6.txt");
        assertReceivedAsSent("U-NAMES", "docs/name with spaces.txt", "docs/Grüße 日本 ñ.txt");
        assertThat(transfer("No files").status()).isEqualTo(SandboxTransfer.Status.INITIALIZED);

        // A file of at most one chunk goes in one request without chunk parameters; a larger one chunk by chunk.
        assertThat(uploadQueries("one-chunk.bin")).singleElement().satisfies(query ->
                assertThat(query).doesNotContainKeys("chunk", "chunks", "chunksize"));
        assertThat(uploadQueries("chunk-plus-one.bin")).extracting(query -> query.get("chunk") + "/"
                + query.get("chunks") + "/" + query.get("chunksize")).containsExactly("0/2/" + CHUNK, "1/2/" + CHUNK);
        assertThat(uploadQueries("empty.txt")).hasSize(1);
        // transfersize is the sum of the file sizes; a row without files sends none.
        assertThat(initializeBody("Many files").get("transfersize").asLong()).isEqualTo(21000);
        assertThat(initializeBody("One chunk plus one byte").get("transfersize").asLong()).isEqualTo(CHUNK + 1);
        assertThat(initializeBody("No files").has("transfersize")).isFalse();

        Map<String, Object> plus = row("U-PLUS");
        SandboxTransfer plusTransfer = transfer("One chunk plus one byte");
        assertThat(plus.get("DOWNLOAD_URL")).isEqualTo(sandbox.baseUrl() + "/d/" + plusTransfer.id());
        assertThat(plus.get("COMPLETED_AT")).isNotNull();
        assertThat(jdbc.queryForList("SELECT file_name, size, chunks, next_chunk, done FROM transfer_upload_progress "
                + "WHERE ledger_id = ?", plus.get("ID"))).singleElement().satisfies(progress -> {
                    assertThat(progress.get("FILE_NAME")).isEqualTo("chunk-plus-one.bin");
                    assertThat(progress.get("SIZE")).isEqualTo((long) CHUNK + 1);
                    assertThat(progress.get("CHUNKS")).isEqualTo(2);
                    assertThat(progress.get("NEXT_CHUNK")).isEqualTo(2);
                    assertThat(progress.get("DONE")).isEqualTo(true);
                });
        assertThat(jdbc.queryForList("SELECT outcome FROM run_journal WHERE job_execution_id = ? AND step_name = "
                + "'uploadTransfersStep'", String.class, execution.getId())).hasSize(5).containsOnly("COMPLETED");

        // The report lists the download links and the bytes, never a key.
        Path reportFile = Path.of(properties.reportsDir(), "run-" + execution.getId() + ".json");
        String reportText = Files.readString(reportFile);
        JsonNode report = JsonMapper.builder().build().readTree(reportText);
        assertThat(report.get("summary").get("completed").asLong()).isEqualTo(5);
        assertThat(report.get("summary").get("bytesSent").asLong()).isEqualTo(0 + CHUNK + CHUNK + 1 + 21000 + 1234
                + 4321);
        assertThat(report.get("completedTransfers")).hasSize(5);
        assertThat(report.get("completedTransfers").get(2).get("reference").asString()).isEqualTo("U-PLUS");
        assertThat(report.get("completedTransfers").get(2).get("downloadUrl").asString())
                .isEqualTo(plus.get("DOWNLOAD_URL"));
        for (SandboxTransfer transfer : sandbox.transfers()) {
            assertThat(reportText).doesNotContain(transfer.key());
        }
    }

    @Test
    void filesThatBreakThePathRulesRejectTheirRowBeforeAnyCall() throws Exception {
        write("ok.txt", 10);
        write("a/same.txt", 10);
        write("b/same.txt", 10);
        Files.createDirectories(dir.resolve("folder"));
        Path secret = Files.writeString(outside.resolve("secret.txt"), "not yours");
        Files.createSymbolicLink(dir.resolve("link-out.txt"), secret);
        Files.createSymbolicLink(dir.resolve("link-in.txt"), dir.resolve("ok.txt"));
        Path input = TestData.csv(dir, "paths.csv", "reference,subject,files",
                "P-UP,Up,../" + outside.getFileName() + "/secret.txt",
                "P-ABS,Absolute," + secret,
                "P-LINK,Link out,ok.txt;link-out.txt",
                "P-MISSING,Missing,ok.txt;missing.txt",
                "P-DIR,Directory,folder",
                "P-SAME,Same name,a/same.txt;b/same.txt");

        JobExecution execution = jobs.send(input, LocalDate.of(2026, 11, 26));

        assertThat(execution.getExitStatus().getExitCode()).isEqualTo("COMPLETED_WITH_PROBLEMS");
        assertThat(sandbox.requests()).as("requests to Filemail").isEmpty();
        Map<String, String> reasons = new LinkedHashMap<>();
        jdbc.query("SELECT reference, column_name, reason FROM run_journal WHERE job_execution_id = ? "
                + "AND outcome = 'REJECTED' ORDER BY source_line", rs -> {
                    assertThat(rs.getString(2)).isEqualTo("files");
                    reasons.put(rs.getString(1), rs.getString(3));
                }, execution.getId());
        assertThat(reasons).containsOnlyKeys("P-UP", "P-ABS", "P-LINK", "P-MISSING", "P-DIR", "P-SAME");
        assertThat(reasons.get("P-UP")).contains("leads out of the base directory");
        assertThat(reasons.get("P-ABS")).contains("is absolute");
        assertThat(reasons.get("P-LINK")).contains("'link-out.txt' is a symbolic link").contains("outside");
        assertThat(reasons.get("P-MISSING")).isEqualTo("file 'missing.txt' does not exist in " + dir.toRealPath());
        assertThat(reasons.get("P-DIR")).contains("'folder' is a directory");
        assertThat(reasons.get("P-SAME")).contains("two files are named 'same.txt'");
        assertThat(TestData.ledgerStatuses(jdbc).values()).containsOnly("REJECTED");
        assertThat(TestData.ledger(jdbc)).extracting(row -> row.get("LAST_ERROR_STATUS"))
                .containsOnly("InputRule:files");
    }

    @Test
    void aRestartedUploadSkipsFinishedFilesAndResumesAPartlySentFileAtItsFirstUnfinishedChunk() throws Exception {
        Path big = write("big.bin", 2 * CHUNK + 100);
        Path small = write("small.txt", 777);
        Path input = TestData.csv(dir, "resume.csv", "reference,subject,files", "R-1,Resume me,big.bin;small.txt");
        SandboxTransfer transfer = leftUploading(input, LocalDate.of(2026, 11, 27));
        long ledgerId = ((Number) row("R-1").get("ID")).longValue();
        UploadTarget target = new UploadTarget(transfer.id(), transfer.key(), uploadUrl());
        // What the interrupted run got through, recorded as the job records it: chunks 0 and 1 of big.bin (the
        // listener stops the upload after chunk 1) and all of small.txt.
        FileUploader uploader = new FileUploader(callPolicy, CHUNK);
        try {
            uploader.upload(target, big, "big.bin", 0, (name, chunk, chunks) -> {
                jdbc.update("UPDATE transfer_upload_progress SET next_chunk = ?, done = FALSE WHERE ledger_id = ? "
                        + "AND file_name = ?", chunk + 1, ledgerId, name);
                if (chunk == 1) {
                    throw new IllegalStateException("interrupted for the test");
                }
            });
        } catch (IllegalStateException expected) {
            // chunks 0 and 1 arrived
        }
        uploader.upload(target, small);
        jdbc.update("UPDATE transfer_upload_progress SET next_chunk = 1, done = TRUE WHERE ledger_id = ? "
                + "AND file_name = 'small.txt'", ledgerId);
        sandbox.clearRequests();

        JobExecution restart = jobs.send(input, LocalDate.of(2026, 11, 28));

        assertThat(restart.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
        List<RecordedRequest> uploads = sandbox.requests().stream().filter(r -> r.path().equals(UPLOAD_PATH)).toList();
        assertThat(uploads).as("uploads of the restarted run").singleElement()
                .satisfies(request -> assertThat(query(request)).containsEntry("thefilename", "big.bin")
                        .containsEntry("chunk", "2").containsEntry("chunks", "3"));
        assertThat(TestData.ledgerStatuses(jdbc)).containsEntry("R-1", "COMPLETED");
        assertReceivedAsSent("R-1", "big.bin", "small.txt");
    }

    @Test
    void aCompleteWhoseAnswerWasLostIsFoundCompletedOnTheNextRun() throws Exception {
        Path file = write("report.txt", 500);
        Path input = TestData.csv(dir, "lost.csv", "reference,subject,files", "L-1,Lost answer,report.txt");
        SandboxTransfer transfer = leftUploading(input, LocalDate.of(2026, 11, 29));
        // The interrupted run uploaded the file, recorded it, and completed the transfer; the answer was lost.
        new FileUploader(callPolicy, CHUNK).upload(new UploadTarget(transfer.id(), transfer.key(), uploadUrl()), file);
        jdbc.update("UPDATE transfer_upload_progress SET next_chunk = 1, done = TRUE");
        api.complete(transfer.id(), transfer.key());
        sandbox.clearRequests();

        JobExecution restart = jobs.send(input, LocalDate.of(2026, 11, 30));

        assertThat(restart.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
        assertThat(sandbox.requests()).extracting(r -> r.method() + " " + r.path() + " " + r.status())
                .containsExactly("PUT /transfer/complete 400", "GET /transfer/" + transfer.id() + " 200");
        Map<String, Object> row = row("L-1");
        assertThat(row.get("STATUS")).isEqualTo("COMPLETED");
        assertThat(row.get("DOWNLOAD_URL")).isEqualTo(sandbox.baseUrl() + "/d/" + transfer.id());
        assertThat(jdbc.queryForObject("SELECT reason FROM run_journal WHERE job_execution_id = ? AND outcome = "
                + "'COMPLETED'", String.class, restart.getId())).contains("found completed");
    }

    @Test
    void aTransferWithoutUploadUrlGetsOneFromItsDetails() throws Exception {
        write("adopted.txt", 300);
        Path input = TestData.csv(dir, "adopted.csv", "reference,subject,files", "A-1,Adopted,adopted.txt");
        SandboxTransfer transfer = leftUploading(input, LocalDate.of(2026, 12, 1));
        // As an adopted transfer is recorded: the sent list has no transferurl.
        jdbc.update("UPDATE transfer_ledger SET transfer_url = NULL");

        JobExecution restart = jobs.send(input, LocalDate.of(2026, 12, 2));

        assertThat(restart.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
        Map<String, Object> row = row("A-1");
        assertThat(row.get("STATUS")).isEqualTo("COMPLETED");
        assertThat(row.get("TRANSFER_URL")).isEqualTo(sandbox.baseUrl() + UPLOAD_PATH);
        assertReceivedAsSent("A-1", "adopted.txt");
        assertThat(transfer.id()).isEqualTo(row.get("TRANSFER_ID"));
    }

    @Test
    void cleanupCancelsUploadsThatMadeNoProgressForStaleAfter() throws Exception {
        write("stuck.txt", 100);
        write("slow.txt", 100);
        Path input = TestData.csv(dir, "stuck.csv", "reference,subject,files", "S-STUCK,Stuck,stuck.txt",
                "S-SLOW,Slow but moving,slow.txt");
        sandbox.respondNext("POST", UPLOAD_PATH, 400, "InvalidParameter", "refused for the test");
        sandbox.respondNext("POST", UPLOAD_PATH, 400, "InvalidParameter", "refused for the test");
        jobs.send(input, LocalDate.of(2026, 12, 3));
        assertThat(TestData.ledgerStatuses(jdbc)).containsOnly(Map.entry("S-STUCK", "UPLOADING"),
                Map.entry("S-SLOW", "UPLOADING"));
        OffsetDateTime twoDaysAgo = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2);
        // Both began two days ago; only the slow one made progress since (an hour ago).
        jdbc.update("UPDATE transfer_ledger SET initialized_at = ?, updated_at = ?", twoDaysAgo, twoDaysAgo);
        jdbc.update("UPDATE transfer_ledger SET updated_at = ? WHERE reference = 'S-SLOW'",
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(1));

        JobExecution cleanup = jobs.cleanup(false);

        assertThat(cleanup.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(TestData.ledgerStatuses(jdbc)).containsOnly(Map.entry("S-STUCK", "CANCELLED"),
                Map.entry("S-SLOW", "UPLOADING"));
        assertThat(transfer("Stuck").status()).isEqualTo(SandboxTransfer.Status.CANCELLED);
        assertThat(transfer("Slow but moving").status()).isEqualTo(SandboxTransfer.Status.INITIALIZED);
    }

    @Test
    void aRowSentDaysLaterUploadsTheFilesItWasValidatedWith() throws Exception {
        write("victim.txt", 6);
        Path input = TestData.csv(dir, "later.csv", "reference,subject,files", "V-LATER,Later,victim.txt");
        deferred(input);

        JobExecution later = sentLater();

        assertThat(later.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
        assertThat(TestData.ledgerStatuses(jdbc)).containsEntry("V-LATER", "COMPLETED");
        assertReceivedAsSent("V-LATER", "victim.txt");
    }

    @Test
    void aFileSwappedForALinkToOutsideTheBaseAfterValidationIsNotUploaded() throws Exception {
        write("victim.txt", 6);
        Path secret = Files.writeString(outside.resolve("secret.txt"), "OUTSIDE-THE-BASE secret content");
        Path input = TestData.csv(dir, "swap.csv", "reference,subject,files", "V-LINK,Swapped,victim.txt");
        deferred(input);
        Files.delete(dir.resolve("victim.txt"));
        Files.createSymbolicLink(dir.resolve("victim.txt"), secret);

        JobExecution later = sentLater();

        assertNotUploaded(later, "V-LINK", "'victim.txt' is now a symbolic link", secret);
    }

    @Test
    void aDirectoryOnTheWaySwappedForALinkToOutsideIsNotFollowed() throws Exception {
        write("docs/victim.txt", 6);
        Files.createDirectories(outside.resolve("docs"));
        Path secret = Files.writeString(outside.resolve("docs/victim.txt"), "OUTSIDE-THE-BASE secret content");
        Path input = TestData.csv(dir, "swap-dir.csv", "reference,subject,files", "V-DIR,Swapped dir,docs/victim.txt");
        deferred(input);
        Files.move(dir.resolve("docs"), dir.resolve("docs-moved"));
        Files.createSymbolicLink(dir.resolve("docs"), outside.resolve("docs"));

        JobExecution later = sentLater();

        assertNotUploaded(later, "V-DIR", "'docs' is now a symbolic link", secret);
    }

    @Test
    void aFileGrownAfterValidationIsNotUploaded() throws Exception {
        Path victim = write("victim.txt", 6);
        Path input = TestData.csv(dir, "grown.csv", "reference,subject,files", "V-GROWN,Grown,victim.txt");
        deferred(input);
        Files.write(victim, new byte[12000], java.nio.file.StandardOpenOption.APPEND);

        JobExecution later = sentLater();

        assertNotUploaded(later, "V-GROWN", "its size changed since its row was validated (6 bytes then, 12006 now)",
                victim);
        assertThat(initializeBody("Grown").get("transfersize").asLong()).isEqualTo(6);
    }

    @Test
    void aFileReplacedByAnotherAfterValidationIsNotUploaded() throws Exception {
        write("victim.txt", 6);
        Path input = TestData.csv(dir, "replaced.csv", "reference,subject,files", "V-OTHER,Replaced,victim.txt");
        deferred(input);
        Path other = Files.writeString(dir.resolve("other.tmp"), "OTHER!");
        Files.move(other, dir.resolve("victim.txt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        JobExecution later = sentLater();

        assertNotUploaded(later, "V-OTHER", "another file is in its place", dir.resolve("victim.txt"));
    }

    @Test
    void aFileSwappedWhileItsUploadWasInterruptedIsNotResumed() throws Exception {
        write("victim.txt", 6);
        // As long as the file validated: only the link gives it away.
        Path secret = Files.writeString(outside.resolve("secret.txt"), "SECRET");
        Path input = TestData.csv(dir, "resumed.csv", "reference,subject,files", "V-RESUME,Resumed,victim.txt");
        leftUploading(input, LocalDate.of(2026, 12, 6));
        Files.delete(dir.resolve("victim.txt"));
        Files.createSymbolicLink(dir.resolve("victim.txt"), secret);
        sandbox.clearRequests();

        JobExecution restart = jobs.send(input, LocalDate.of(2026, 12, 7));

        assertNotUploaded(restart, "V-RESUME", "'victim.txt' is now a symbolic link", secret);
    }

    /** Runs the input with the API key's quota used up: its row is validated and recorded, DEFERRED, not sent. */
    private void deferred(Path input) throws Exception {
        sandbox.respondNext("POST", "/transfer/initialize", 429, "ApiKeyQuotaExceeded", "daily quota used up");
        JobExecution first = jobs.send(input, LocalDate.of(2026, 12, 4));
        assertThat(first.getExitStatus().getExitCode()).isEqualTo("COMPLETED_WITH_PROBLEMS");
        assertThat(TestData.ledgerStatuses(jdbc).values()).containsOnly("DEFERRED");
        assertThat(sandbox.transfers()).isEmpty();
    }

    /** A later run (of another, empty input) sends the deferred row from the ledger, then uploads its files. */
    private JobExecution sentLater() throws Exception {
        return jobs.send(TestData.csv(dir, "nothing-new.csv", "reference,subject"), LocalDate.of(2026, 12, 5));
    }

    /** The transfer exists but is not completed, none of the file's bytes went out, and the reason is recorded. */
    private void assertNotUploaded(JobExecution run, String reference, String reason, Path content) throws Exception {
        assertThat(run.getExitStatus().getExitCode()).isEqualTo("COMPLETED_WITH_PROBLEMS");
        Map<String, Object> row = row(reference);
        assertThat(row.get("STATUS")).isEqualTo("UPLOADING");
        assertThat(row.get("LAST_ERROR_STATUS")).isEqualTo("FileNotAsValidated");
        assertThat((String) row.get("LAST_ERROR_MESSAGE")).contains(reason);
        assertThat(jdbc.queryForList("SELECT reason FROM run_journal WHERE job_execution_id = ? AND reference = ? "
                + "AND outcome = 'UPLOAD_FAILED'", String.class, run.getId(), reference)).singleElement()
                .asString().contains(reason);
        SandboxTransfer transfer = sandbox.transfers().stream().filter(t -> t.id().equals(row.get("TRANSFER_ID")))
                .findFirst().orElseThrow();
        assertThat(transfer.status()).isNotEqualTo(SandboxTransfer.Status.COMPLETED);
        assertThat(sandbox.requests()).as("requests after validation").noneMatch(request ->
                request.path().equals(UPLOAD_PATH) || request.path().equals("/transfer/complete"));
        String digest = sha256(content);
        assertThat(transfer.files()).noneMatch(file -> file.sha256().equals(digest));
    }

    /** Runs the input once with the first upload refused, which leaves its transfer UPLOADING. */
    private SandboxTransfer leftUploading(Path input, LocalDate date) throws Exception {
        sandbox.respondNext("POST", UPLOAD_PATH, 400, "InvalidParameter", "refused for the test");
        JobExecution first = jobs.send(input, date);
        assertThat(first.getExitStatus().getExitCode()).isEqualTo("COMPLETED_WITH_PROBLEMS");
        assertThat(TestData.ledgerStatuses(jdbc).values()).containsOnly("UPLOADING");
        assertThat(TestData.ledger(jdbc)).extracting(row -> row.get("LAST_ERROR_STATUS")).containsOnly(
                "InvalidParameter");
        assertThat(sandbox.transfers()).hasSize(1);
        return sandbox.transfers().get(0);
    }

    private void assertReceivedAsSent(String reference, String... files) throws Exception {
        SandboxTransfer transfer = sandbox.transfers().stream()
                .filter(t -> t.id().equals(row(reference).get("TRANSFER_ID"))).findFirst().orElseThrow();
        assertThat(transfer.status()).as("status of %s", reference).isEqualTo(SandboxTransfer.Status.COMPLETED);
        Map<String, String> expected = new LinkedHashMap<>();
        for (String file : files) {
            Path path = dir.resolve(file);
            expected.put(path.getFileName().toString(), sha256(path));
        }
        assertThat(transfer.files().stream().collect(Collectors.toMap(SandboxFile::name, SandboxFile::sha256)))
                .as("files received for %s", reference).isEqualTo(expected);
    }

    private Path write(String name, int size) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[size];
        new Random(name.hashCode()).nextBytes(bytes);
        return Files.write(file, bytes);
    }

    private List<Map<String, String>> uploadQueries(String fileName) {
        return sandbox.requests().stream().filter(r -> r.path().equals(UPLOAD_PATH)).map(UploadTransfersJobTest::query)
                .filter(query -> fileName.equals(query.get("thefilename"))).toList();
    }

    private static Map<String, String> query(RecordedRequest request) {
        return Arrays.stream(request.query().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    private JsonNode initializeBody(String subject) {
        return JsonMapper.builder().build().readTree(transfer(subject).initializeBody());
    }

    private SandboxTransfer transfer(String subject) {
        return TestData.transfer(sandbox, subject);
    }

    private Map<String, Object> row(String reference) {
        return jdbc.queryForMap("SELECT * FROM transfer_ledger WHERE reference = ?", reference);
    }

    private URI uploadUrl() {
        return URI.create(sandbox.baseUrl() + UPLOAD_PATH);
    }
}
