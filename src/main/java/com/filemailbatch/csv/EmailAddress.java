package com.filemailbatch.csv;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A deliberately simple plausibility check, not RFC 5322: one {@code @}, a non-empty local part, a domain of
 * non-empty dot-separated labels with at least one dot, and no whitespace, control characters, commas,
 * semicolons, angle brackets or quotes anywhere. It catches the usual spreadsheet mistakes (a missing
 * domain, {@code "Bob <bob@x.com>"}, two addresses joined by a comma); Filemail has the final word.
 *
 * <p>An address must also look like what it is: no invisible character (a zero-width space, a non-breaking space,
 * a bidirectional control), and letters of one script (or Latin with Chinese, Japanese or Korean), so that
 * {@code p\u0430ypal.com} with a Cyrillic {@code \u0430} is not taken for a Latin name.
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

    /** Why {@code address} is refused, as a sentence naming it, or null when it is accepted. */
    static String problem(String address, int maxLength) {
        String quoted = Excerpt.quoted(address);
        int length = Cells.length(address);
        if (length > maxLength) {
            return "address " + quoted + " is " + length + " characters; at most " + maxLength + " are allowed";
        }
        String bidi = Characters.bidiControl(address);
        if (bidi != null) {
            return "address " + quoted + " contains " + bidi;
        }
        String invisible = Characters.invisible(address);
        if (invisible != null) {
            return "address " + quoted + " contains " + invisible;
        }
        if (!isPlausible(address)) {
            return quoted + " is not an e-mail address";
        }
        Set<Character.UnicodeScript> scripts = Characters.mixedScripts(address);
        if (scripts != null) {
            return "address " + quoted + " mixes scripts (" + scripts.stream().map(EmailAddress::scriptName)
                    .collect(Collectors.joining(", ")) + "); write it in one script";
        }
        return null;
    }

    /** LATIN as Latin. */
    private static String scriptName(Character.UnicodeScript script) {
        String name = script.name().replace('_', ' ');
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
