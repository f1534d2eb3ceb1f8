package com.filemailbatch.csv;

import java.util.regex.Pattern;

/**
 * A deliberately simple plausibility check, not RFC 5322: one {@code @}, a non-empty local part, a domain of
 * non-empty dot-separated labels with at least one dot, and no whitespace, control characters, commas,
 * semicolons, angle brackets or quotes anywhere. It catches the usual spreadsheet mistakes (a missing
 * domain, {@code "Bob <bob@x.com>"}, two addresses joined by a comma); Filemail has the final word.
 */
final class EmailAddress {

    private static final String ATOM = "[^@\\s\\p{Cntrl},;<>\"]";
    private static final Pattern PLAUSIBLE = Pattern.compile(
            ATOM + "+@" + "[^@\\s\\p{Cntrl},;<>\".]+(\\.[^@\\s\\p{Cntrl},;<>\".]+)+");

    private EmailAddress() {
    }

    static boolean isPlausible(String address) {
        return PLAUSIBLE.matcher(address).matches();
    }
}
