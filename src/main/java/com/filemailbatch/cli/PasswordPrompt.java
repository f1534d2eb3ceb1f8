package com.filemailbatch.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a password for {@code dashboard --hash-password}: typed twice at the terminal without echo, or the first line
 * of standard input when it is not a terminal (a script, a secret store's pipe). Kept in char arrays, wiped once used.
 */
final class PasswordPrompt {

    private PasswordPrompt() {
    }

    /** @throws UsageException when no password came, or the two typed differ */
    static char[] read(Console console, InputStream in) throws IOException {
        char[] password;
        if (console != null) {
            password = console.readPassword("Password: ");
            char[] again = console.readPassword("Password again: ");
            boolean same = Arrays.equals(password, again);
            wipe(again);
            if (!same) {
                wipe(password);
                throw new UsageException("the two passwords differ");
            }
        } else {
            // UTF-8: the encoding the dashboard's sign-in form is posted in.
            password = firstLine(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        if (password == null || password.length == 0) {
            throw new UsageException("no password given (type it, or give it on standard input)");
        }
        return password;
    }

    private static char[] firstLine(Reader reader) throws IOException {
        char[] line = new char[64];
        int length = 0;
        for (int c = reader.read(); c != -1 && c != '\n'; c = reader.read()) {
            if (length == line.length) {
                char[] longer = Arrays.copyOf(line, length * 2);
                wipe(line);
                line = longer;
            }
            line[length++] = (char) c;
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        char[] password = Arrays.copyOf(line, length);
        wipe(line);
        return password;
    }

    private static void wipe(char[] chars) {
        if (chars != null) {
            Arrays.fill(chars, '\0');
        }
    }
}
