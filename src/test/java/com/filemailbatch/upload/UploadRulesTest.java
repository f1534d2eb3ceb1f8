package com.filemailbatch.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules that need no server: chunk sizes, chunk counts, which URLs may receive bytes, encoding. */
class UploadRulesTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void chunkSizeMustBeFiveToFiftyMib() {
        var policy = UploadSandbox.policy(1);
        assertThat(new FileUploader(policy).chunkSize()).isEqualTo(20 * MIB);
        assertThat(new FileUploader(policy, 5 * MIB).chunkSize()).isEqualTo(5 * MIB);
        assertThat(new FileUploader(policy, 50 * MIB).chunkSize()).isEqualTo(50 * MIB);
        for (long wrong : new long[] {5 * MIB - 1, 50 * MIB + 1, 0, -1}) {
            assertThatThrownBy(() -> new FileUploader(policy, wrong))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chunk size")
                    .hasMessageContaining(Long.toString(wrong));
        }
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "1, 1", "100, 1", "101, 2", "200, 2", "201, 3"})
    void chunksAreTheSizeDividedByTheChunkSizeRoundedUpAndOneForAnEmptyFile(long size, int chunks) {
        ChunkPlan plan = new ChunkPlan(size, 100);
        assertThat(plan.chunks()).isEqualTo(chunks);
        assertThat(plan.chunked()).isEqualTo(size > 100);
        assertThat(plan.length(chunks - 1)).isEqualTo(size - (chunks - 1) * 100L);
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1, true", "127.8.9.10, true", "localhost, true", "LOCALHOST, true", "[::1], true",
            "::1, true", "10.0.0.1, false", "example.com, false", "localhost.example.com, false",
            "127.0.0.1.nip.io, false", "[::2], false", "0.0.0.0, false"})
    void onlyLiteralLoopbackAddressesAndLocalhostAreLoopback(String host, boolean loopback) {
        assertThat(UploadUrl.isLoopback(host)).isEqualTo(loopback);
    }

    @Test
    void httpsAnywhereAndHttpToLoopbackAreAllowed() {
        UploadUrl.check(URI.create("https://8888.filemail.com/savefile.ashx"));
        UploadUrl.check(URI.create("http://127.0.0.1:8080/savefile.ashx"));
        UploadUrl.check(URI.create("http://[::1]:8080/savefile.ashx"));
        UploadUrl.check(URI.create("http://localhost/savefile.ashx"));
        assertThatThrownBy(() -> UploadUrl.check(URI.create("http://example.com/savefile.ashx")))
                .hasMessageContaining("scheme 'http' host 'example.com'");
    }

    @Test
    void parametersAreAddedToTheUrlAsGivenAndNamesArePercentEncoded() {
        assertThat(UploadUrl.withQuery(URI.create("https://h/savefile.ashx"), "a=1"))
                .hasToString("https://h/savefile.ashx?a=1");
        assertThat(UploadUrl.withQuery(URI.create("https://h/savefile.ashx?region=eu"), "a=1"))
                .hasToString("https://h/savefile.ashx?region=eu&a=1");
        assertThat(UploadUrl.encode("Rapport år 2026.pdf")).isEqualTo("Rapport%20%C3%A5r%202026.pdf");
        assertThat(UploadUrl.encode("a+b&c")).isEqualTo("a%2Bb%26c");
    }

    @Test
    void theTargetNeverShowsItsKey() {
        UploadTarget target = new UploadTarget("t1", "secret-key", URI.create("https://h/savefile.ashx"));
        assertThat(target.toString()).contains("t1").doesNotContain("secret-key");
    }
}
