package com.filemailbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tool keeps on disk (the database, the log, the master key, reports, receipts and rejected rows) is its
 * owner's only: directories 0700, files 0600, including a data directory an earlier release left readable.
 */
class DataAtRestTest {

    private static final String DIRECTORY = "rwx------";
    private static final String FILE = "rw-------";

    @TempDir
    Path dir;

    @RegisterExtension
    final CommandLineSession cli = new CommandLineSession();

    @BeforeEach
    void ownDataDirectory() {
        cli.use(dir, "");
    }

    @Test
    void theDataAndReportsDirectoriesAndTheToolsFilesAreTheOwnersOnly() throws Exception {
        Path input = Files.writeString(dir.resolve("input.csv"),
                "reference,subject,to\r\nDR-1,Hello,ann@example.com\r\nDR-2,Bad,not-an-email\r\n");

        int exit = cli.execute("run", "--input", input.toString(), "--sandbox");

        assertThat(exit).as(cli.out() + cli.err()).isEqualTo(ExitCodes.COMPLETED_WITH_PROBLEMS);
        assertThat(permissions(dir.resolve("data"))).isEqualTo(DIRECTORY);
        assertThat(permissions(dir.resolve("reports"))).isEqualTo(DIRECTORY);
        assertThat(permissions(dir.resolve("data/sandbox"))).isEqualTo(DIRECTORY);
        assertThat(permissions(dir.resolve("reports/sandbox"))).isEqualTo(DIRECTORY);
        assertThat(permissions(dir.resolve("data/sandbox/filemail-batch.mv.db"))).isEqualTo(FILE);
        assertThat(permissions(dir.resolve("data/sandbox/filemail-batch.log"))).isEqualTo(FILE);
        assertThat(permissions(dir.resolve("data/sandbox/master.key"))).isEqualTo(FILE);
        assertThat(permissions(dir.resolve("reports/sandbox/run-1.json"))).isEqualTo(FILE);
        assertThat(permissions(dir.resolve("reports/sandbox/run-1-rejected.csv"))).isEqualTo(FILE);
    }

    @Test
    void aDataDirectoryAnEarlierReleaseLeftReadableIsMadePrivate() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path oldLog = Files.writeString(data.resolve("filemail-batch.log"), "an old log\n");
        Files.setPosixFilePermissions(oldLog, PosixFilePermissions.fromString("rw-r--r--"));

        cli.execute("history");

        assertThat(permissions(data)).as(cli.out() + cli.err()).isEqualTo(DIRECTORY);
        assertThat(permissions(oldLog)).isEqualTo(FILE);
        assertThat(permissions(data.resolve("db.mv.db"))).isEqualTo(FILE);
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
