package com.filemailbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.ExitCodes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code dashboard} as a user meets it, in-process: the refusal to answer beyond loopback without users (before the
 * database is opened), {@code --hash-password}, bad options, and the dashboard's settings left alone by the commands
 * that serve no page.
 */
class DashboardCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final OwnDataDirectory ownDataDirectory = new OwnDataDirectory();
    private final InputStream standardInput = System.in;

    @BeforeEach
    void ownDataDirectory() {
        ownDataDirectory.use(dir, "");
    }

    @AfterEach
    void restore() {
        ownDataDirectory.restore();
        System.setIn(standardInput);
        System.clearProperty("filemail.dashboard.users.bob.role");
    }

    @Test
    void everyAddressWithoutUsersIsRefusedBeforeTheDatabaseOpens() {
        int exit = execute("dashboard", "--address", "0.0.0.0", "--port", "0", "--jobs",
                dir.resolve("none").toString());

        assertThat(exit).isEqualTo(ExitCodes.CONFIG);
        assertThat(err()).contains("error: cannot start: no dashboard user is configured, and the web server would "
                + "answer on 0.0.0.0, not only loopback: anyone who reaches it could read every run. Configure users "
                + "(filemail.dashboard.users.NAME.password-hash and .role, see docs/dashboard.md) or answer on "
                + "127.0.0.1");
        assertThat(out()).isEmpty();
        assertThat(dir.resolve("data").resolve("db.mv.db")).doesNotExist();
    }

    @Test
    void hashPasswordPrintsTheBcryptHashOfTheFirstLineOfStandardInput() {
        System.setIn(new ByteArrayInputStream("correct horse battery staple\r\nnot this line\n"
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(execute("dashboard", "--hash-password")).as(err()).isZero();

        String hash = out().strip();
        assertThat(hash).startsWith("{bcrypt}$2a$10$").hasSize("{bcrypt}".length() + 60);
        assertThat(new BCryptPasswordEncoder().matches("correct horse battery staple",
                hash.substring("{bcrypt}".length()))).isTrue();
        assertThat(err()).isEmpty();
        assertThat(dir.resolve("data")).as("no application started").doesNotExist();
    }

    @Test
    void hashPasswordWithoutAPasswordIsAUsageError() {
        System.setIn(new ByteArrayInputStream(new byte[0]));

        assertThat(execute("dashboard", "--hash-password")).isEqualTo(ExitCodes.USAGE);

        assertThat(errLines()).containsExactly("error: no password given (type it, or give it on standard input)");
        assertThat(out()).isEmpty();
    }

    @Test
    void aPortOutOfRangeOrAnAddressThatIsNoneIsAUsageError() {
        assertThat(execute("dashboard", "--port", "65536")).isEqualTo(ExitCodes.USAGE);
        assertThat(errLines()).containsExactly("error: --port must be 0 to 65535, was 65536");

        err.reset();
        assertThat(execute("serve", "--management-port", "-1")).isEqualTo(ExitCodes.USAGE);
        assertThat(errLines()).containsExactly("error: --port must be 0 to 65535, was -1");

        err.reset();
        assertThat(execute("dashboard", "--address", "no such host.invalid")).isEqualTo(ExitCodes.USAGE);
        assertThat(errLines()).containsExactly("error: --address 'no such host.invalid' is not an IP address or a "
                + "known host name");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void commandsThatServeNoPageIgnoreTheDashboardSettings() {
        System.setProperty("filemail.dashboard.users.bob.role", "admin");

        assertThat(execute("history")).as(err()).isZero();

        assertThat(out()).isEqualTo("No runs recorded yet." + System.lineSeparator());
    }

    @Test
    void aBadRoleStopsTheDashboardWithTheKeyNamed() {
        System.setProperty("filemail.dashboard.users.bob.role", "admin");

        assertThat(execute("dashboard", "--port", "0", "--jobs", dir.resolve("none").toString()))
                .isEqualTo(ExitCodes.CONFIG);

        assertThat(errLines()).last().isEqualTo("error: cannot start: filemail.dashboard.users.bob.role cannot be "
                + "read: a role is viewer or operator");
    }

    private int execute(String... args) {
        return FilemailBatchCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private java.util.List<String> errLines() {
        return err().lines().toList();
    }
}
