package com.filemailbatch.dashboard.security;

import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The bcrypt hashes of the dashboard's passwords: made by {@code dashboard --hash-password}, read from settings. */
public final class PasswordHashes {

    /** Spring Security's mark of the algorithm; optional in the settings, printed by {@link #hash(char[])}. */
    static final String PREFIX = "{bcrypt}";
    /** {@code $2a$}, {@code $2b$} or {@code $2y$}, a two-digit cost, then 22 characters of salt and 31 of hash. */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    private PasswordHashes() {
    }

    /** The hash to configure for {@code password}, {@code {bcrypt}} in front; the password is wiped afterwards. */
    public static String hash(char[] password) {
        try {
            return PREFIX + new BCryptPasswordEncoder().encode(CharBuffer.wrap(password));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Whether a configured hash is a bcrypt hash, with or without {@code {bcrypt}} in front. */
    static boolean isBcrypt(String configured) {
        return BCRYPT.matcher(bare(configured)).matches();
    }

    /** The hash without {@code {bcrypt}} in front, as {@link BCryptPasswordEncoder} reads it. */
    static String bare(String configured) {
        return configured.startsWith(PREFIX) ? configured.substring(PREFIX.length()) : configured;
    }
}
