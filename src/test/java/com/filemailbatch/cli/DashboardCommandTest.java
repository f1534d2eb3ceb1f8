package com.filemailbatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.filemailbatch.ExitCodes;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

    @RegisterExtension
    final CommandLineSession cli = new CommandLineSession();
    private final InputStream standardInput = System.in;

    @BeforeEach
    void ownDataDirectory() {
        cli.use(dir, "");
    }

    @AfterEach
    void restore() {
        System.setIn(standardInput);
        System.clearProperty("filemail.dashboard.users.bob.role");
    }

    @Test
    void everyAddressWithoutUsersIsRefusedBeforeTheDatabaseOpens() {
        int exit = cli.execute("dashboard", "--address", "0.0.0.0", "--port", "0", "--jobs",
                dir.resolve("none").toString());

        assertThat(exit).isEqualTo(ExitCodes.CONFIG);
        assertThat(cli.err()).contains("error: cannot start: no dashboard user is configured, and the web server would "
                + "answer on 0.0.0.0, not only loopback: anyone who reaches it could read every run. Configure users "
                + "(filemail.dashboard.users.NAME.password-hash and .role, see docs/dashboard.md) or answer on "
                + "127.0.0.1");
        assertThat(cli.out()).isEmpty();
        assertThat(dir.resolve("data").resolve("db.mv.db")).doesNotExist();
    }

    @Test
    void hashPasswordPrintsTheBcryptHashOfTheFirstLineOfStandardInput() {
        System.setIn(new ByteArrayInputStream("correct horse battery staple\r\nnot this line\n"
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(cli.execute("dashboard", "--hash-password")).as(cli.err()).isZero();

        String hash = cli.out().strip();
        assertThat(hash).startsWith("{bcrypt}$2a$10$").hasSize("{bcrypt}".length() + 60);
        assertThat(new BCryptPasswordEncoder().matches("correct horse battery staple",
                hash.substring("{bcrypt}".length()))).isTrue();
        assertThat(cli.err()).isEmpty();
        assertThat(dir.resolve("data")).as("no application started").doesNotExist();
    }

    @Test
    void hashPasswordWithoutAPasswordIsAUsageError() {
        System.setIn(new ByteArrayInputStream(new byte[0]));

        assertThat(cli.execute("dashboard", "--hash-password")).isEqualTo(ExitCodes.USAGE);

        assertThat(cli.errLines()).containsExactly("error: no password given (type it, or give it on standard input)");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void aPortOutOfRangeOrAnAddressThatIsNoneIsAUsageError() {
        assertThat(cli.execute("dashboard", "--port", "65536")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.errLines()).containsExactly("error: --port must be 0 to 65535, was 65536");

        cli.resetErr();
        assertThat(cli.execute("serve", "--management-port", "-1")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.errLines()).containsExactly("error: --port must be 0 to 65535, was -1");

        cli.resetErr();
        assertThat(cli.execute("dashboard", "--address", "no such host.invalid")).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.errLines()).containsExactly("error: --address 'no such host.invalid' is not an IP address or a "
                + "known host name");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void commandsThatServeNoPageIgnoreTheDashboardSettings() {
        System.setProperty("filemail.dashboard.users.bob.role", "admin");

        assertThat(cli.execute("history")).as(cli.err()).isZero();

        assertThat(cli.out()).isEqualTo("No runs recorded yet." + System.lineSeparator());
    }

    @Test
    void aBadRoleStopsTheDashboardWithTheKeyNamed() {
        System.setProperty("filemail.dashboard.users.bob.role", "admin");

        assertThat(cli.execute("dashboard", "--port", "0", "--jobs", dir.resolve("none").toString()))
                .isEqualTo(ExitCodes.CONFIG);

        assertThat(cli.errLines()).last().isEqualTo("error: cannot start: filemail.dashboard.users.bob.role cannot be "
                + "read: a role is viewer or operator");
    }

}
