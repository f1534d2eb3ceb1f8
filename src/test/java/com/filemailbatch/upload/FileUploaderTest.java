package com.filemailbatch.upload;

import static com.filemailbatch.support.TestData.sha256;
import static com.filemailbatch.upload.UploadSandbox.CHUNK;
import static com.filemailbatch.upload.UploadSandbox.randomFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.filemailbatch.filemail.FailureClass;
import com.filemailbatch.filemail.FilemailApiException;
import com.filemailbatch.sandbox.RecordedRequest;
import com.filemailbatch.sandbox.SandboxFaults;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileUploaderTest {

    @TempDir
    Path dir;

    private final UploadSandbox box;
    private final FileUploader uploader = UploadSandbox.uploader(8);

    FileUploaderTest() throws Exception {
        box = new UploadSandbox();
    }

    @AfterEach
    void stop() {
        box.close();
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(longs = {0, 1, CHUNK})
    void aFileOfAtMostOneChunkGoesInOneRequestWithoutChunkParameters(long size) throws Exception {
        Path file = randomFile(dir, "small.bin", size);

        UploadedFile uploaded = uploader.upload(box.target, file);

        assertThat(uploaded).isEqualTo(new UploadedFile("small.bin", size, 1));
        assertThat(box.stored("small.bin").sha256()).isEqualTo(sha256(file));
        assertThat(box.stored("small.bin").size()).isEqualTo(size);
        List<RecordedRequest> uploads = box.uploads();
        assertThat(uploads).hasSize(1);
        assertThat(uploads.get(0).query()).doesNotContain("chunk");
        assertThat(uploads.get(0).bodyLength()).isEqualTo(size);
    }

    @Test
    void oneChunkPlusOneByteIsTwoChunks() throws Exception {
        Path file = randomFile(dir, "plus-one.bin", CHUNK + 1);

        UploadedFile uploaded = uploader.upload(box.target, file);

        assertThat(uploaded.chunks()).isEqualTo(2);
        assertThat(box.stored("plus-one.bin").sha256()).isEqualTo(sha256(file));
        assertThat(box.uploads()).extracting(RecordedRequest::query).containsExactly(
                query("plus-one.bin") + "&chunksize=" + CHUNK + "&chunks=2&chunk=0",
                query("plus-one.bin") + "&chunksize=" + CHUNK + "&chunks=2&chunk=1");
        assertThat(box.uploads()).extracting(RecordedRequest::bodyLength).containsExactly((long) CHUNK, 1L);
    }

    @Test
    void severalChunksAreSentInOrderAndTheListenerHearsOfEach() throws Exception {
        Path file = randomFile(dir, "big.bin", 5L * CHUNK + 1234);
        List<Integer> accepted = new ArrayList<>();

        UploadedFile uploaded = uploader.upload(box.target, file, "big.bin", 0,
                (name, chunk, chunks) -> accepted.add(chunk));

        assertThat(uploaded).isEqualTo(new UploadedFile("big.bin", 5L * CHUNK + 1234, 6));
        assertThat(accepted).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(box.uploads()).hasSize(6);
        assertThat(box.stored("big.bin").chunksReceived()).isEqualTo(6);
        assertThat(box.stored("big.bin").sha256()).isEqualTo(sha256(file));
    }

    @Test
    void namesWithSpacesNonAsciiAndQuerySymbolsRoundTrip() throws Exception {
        for (String name : List.of("Rapport år 2026.pdf", "a+b&c=d%20#?.txt", "日本語 ファイル.bin")) {
            Path file = randomFile(dir, "source-" + Math.abs(name.hashCode()), 3L * CHUNK / 2);

            uploader.upload(box.target, file, name, 0, ChunkListener.none());

            assertThat(box.stored(name).sha256()).as(name).isEqualTo(sha256(file));
        }
        assertThat(box.sandbox.transfers().get(0).files()).hasSize(3);
    }

    @Test
    void resumeFromChunkKSendsOnlyChunksKOnward() throws Exception {
        Path file = randomFile(dir, "resume.bin", 6L * CHUNK + 10);
        // The first attempt "crashes" once chunk 2 is recorded: chunks 0..2 reached the server.
        assertThatThrownBy(() -> uploader.upload(box.target, file, "resume.bin", 0, (name, chunk, chunks) -> {
            if (chunk == 2) {
                throw new IllegalStateException("crash after chunk 2");
            }
        })).hasMessage("crash after chunk 2");
        assertThat(box.stored("resume.bin").complete()).isFalse();
        box.sandbox.clearRequests();
        List<Integer> accepted = new ArrayList<>();

        uploader.upload(box.target, file, "resume.bin", 3, (name, chunk, chunks) -> accepted.add(chunk));

        assertThat(accepted).containsExactly(3, 4, 5, 6);
        assertThat(box.uploads()).extracting(RecordedRequest::query)
                .allSatisfy(query -> assertThat(query).contains("&chunks=7&chunk="))
                .extracting(query -> query.substring(query.lastIndexOf('=') + 1))
                .containsExactly("3", "4", "5", "6");
        assertThat(box.stored("resume.bin").sha256()).isEqualTo(sha256(file));
    }

    @Test
    void resumingPastTheLastChunkSendsNothingAndBeyondIsRefused() throws Exception {
        Path file = randomFile(dir, "done.bin", 2L * CHUNK);

        assertThat(uploader.upload(box.target, file, "done.bin", 2, ChunkListener.none()).chunks()).isEqualTo(2);
        assertThatThrownBy(() -> uploader.upload(box.target, file, "done.bin", 3, ChunkListener.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fromChunk");
        assertThat(box.uploads()).isEmpty();
    }

    @Test
    void randomTransientFaultsAreRetriedToTheRightDigest() throws Exception {
        box.sandbox.setFaults(SandboxFaults.transientShare(0.3));
        Path file = randomFile(dir, "flaky.bin", 12L * CHUNK + 77);

        uploader.upload(box.target, file);

        assertThat(box.sandbox.injectedFaults().total()).isPositive();
        assertThat(box.stored("flaky.bin").sha256()).isEqualTo(sha256(file));
    }

    @ParameterizedTest
    @ValueSource(ints = {449, 406, 503})
    void theRetryStatusesOfTheUploadProtocolAreRetried(int status) throws Exception {
        box.sandbox.respondNext("POST", "/savefile.ashx", status, null, "retry");
        box.sandbox.respondNext("POST", "/savefile.ashx", status, null, "retry");
        Path file = randomFile(dir, "retry.bin", 2L * CHUNK);

        uploader.upload(box.target, file);

        assertThat(box.uploads()).extracting(RecordedRequest::status).containsExactly(status, status, 200, 200);
        assertThat(box.stored("retry.bin").sha256()).isEqualTo(sha256(file));
    }

    @Test
    void aConnectionDroppedWithoutAnswerIsRetried() throws Exception {
        Path file = randomFile(dir, "dropped.bin", 100);
        box.sandbox.setUnavailable(true);
        FileUploader patient = FileUploader.withAnyChunkSize(new com.filemailbatch.filemail.CallPolicy(
                new com.filemailbatch.filemail.FilemailProperties("http://unused", "k", 0,
                        new com.filemailbatch.filemail.FilemailProperties.Retry(50, java.time.Duration.ofMillis(20),
                                java.time.Duration.ofMillis(20), 1.0, 10)),
                new com.filemailbatch.filemail.FilemailCallMetrics(
                        new io.micrometer.core.instrument.simple.SimpleMeterRegistry())), CHUNK);
        Thread healer = new Thread(() -> {
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                return;
            }
            box.sandbox.setUnavailable(false);
        });
        healer.start();

        patient.upload(box.target, file);
        healer.join();

        assertThat(box.uploads()).extracting(RecordedRequest::status).contains(0).endsWith(200);
        assertThat(box.stored("dropped.bin").sha256()).isEqualTo(sha256(file));
    }

    @Test
    void aRefusalThatIsNotTransientFailsAtOnce() throws Exception {
        box.sandbox.respondNext("POST", "/savefile.ashx", 400, "InvalidParameter", "bad chunk");
        Path file = randomFile(dir, "refused.bin", 10);

        assertThatThrownBy(() -> uploader.upload(box.target, file))
                .isInstanceOfSatisfying(FilemailApiException.class, e -> {
                    assertThat(e.failureClass()).isEqualTo(FailureClass.ROW);
                    assertThat(e.responseStatus()).isEqualTo("InvalidParameter");
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
        assertThat(box.uploads()).hasSize(1);
    }

    @Test
    void transientFailuresThrowTheLastOneWhenTheAttemptsAreUsedUp() throws Exception {
        for (int i = 0; i < 3; i++) {
            box.sandbox.respondNext("POST", "/savefile.ashx", 449, null, "busy");
        }
        Path file = randomFile(dir, "busy.bin", 10);

        assertThatThrownBy(() -> UploadSandbox.uploader(3).upload(box.target, file))
                .isInstanceOfSatisfying(FilemailApiException.class,
                        e -> assertThat(e.failureClass()).isEqualTo(FailureClass.TRANSIENT));
        assertThat(box.uploads()).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/savefile.ashx", "ftp://127.0.0.1/savefile.ashx",
            "http://127.0.0.1.example.com/savefile.ashx", "http://10.0.0.1/savefile.ashx", "file:///tmp/x"})
    void anUploadUrlThatIsNeitherHttpsNorLoopbackIsRefusedBeforeAnyRequest(String url) throws Exception {
        Path file = randomFile(dir, "secret.bin", 10);
        UploadTarget target = new UploadTarget(box.target.transferId(), box.target.transferKey(), URI.create(url));

        assertThatThrownBy(() -> uploader.upload(target, file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Refusing to upload")
                .hasMessageContaining(URI.create(url).getScheme());
        assertThatThrownBy(() -> uploader.uploadAll(target, List.of(new LocalFile(file)), 2, ChunkListener.none()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(box.uploads()).isEmpty();
    }

    @Test
    void neverSendsTheApiKeyToTheUploadUrlButSendsTheVersionAndContentType() throws Exception {
        uploader.upload(box.target, randomFile(dir, "headers.bin", 3L * CHUNK));

        assertThat(box.uploads()).hasSize(3).allSatisfy(request -> {
            assertThat(request.headers()).doesNotContainKey("x-api-key");
            assertThat(request.header("x-api-version")).isEqualTo("2.0");
            assertThat(request.header("content-type")).isEqualTo("application/octet-stream");
        });
    }

    @Test
    void manyFilesOfOneTransferAreUploadedInParallel() throws Exception {
        List<LocalFile> files = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            long size = i % 3 == 0 ? 0 : (long) i * CHUNK / 2 + i;
            files.add(new LocalFile(randomFile(dir, "part " + i + ".bin", size)));
        }
        List<String> heard = new CopyOnWriteArrayList<>();

        List<UploadedFile> uploaded = uploader.uploadAll(box.target, files, 3,
                (name, chunk, chunks) -> heard.add(name + "#" + chunk));

        assertThat(uploaded).extracting(UploadedFile::name)
                .containsExactlyElementsOf(files.stream().map(LocalFile::name).toList());
        for (LocalFile file : files) {
            assertThat(box.stored(file.name()).sha256()).as(file.name()).isEqualTo(sha256(file.path()));
        }
        assertThat(heard).hasSize(uploaded.stream().mapToInt(UploadedFile::chunks).sum());
        assertThat(box.sandbox.maxConcurrentRequests()).isLessThanOrEqualTo(3);
    }

    @Test
    void oneFailingFileFailsTheWholeCall() throws Exception {
        List<LocalFile> files = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            files.add(new LocalFile(randomFile(dir, "f" + i + ".bin", 4L * CHUNK)));
        }
        box.sandbox.respondNext("POST", "/savefile.ashx", 400, "InvalidParameter", "no");

        assertThatThrownBy(() -> uploader.uploadAll(box.target, files, 2, ChunkListener.none()))
                .isInstanceOf(FilemailApiException.class).hasMessageContaining("InvalidParameter");
    }

    @Test
    void parallelFilesMustBeBetweenOneAndFour() {
        for (int parallel : new int[] {0, 5}) {
            assertThatThrownBy(() -> uploader.uploadAll(box.target, List.of(), parallel, ChunkListener.none()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parallelFiles");
        }
        assertThat(uploader.uploadAll(box.target, List.of(), 4, ChunkListener.none())).isEmpty();
    }

    private String query(String name) {
        return "transferid=" + box.target.transferId() + "&transferkey=" + box.target.transferKey()
                + "&thefilename=" + name;
    }
}
