package com.filemailbatch.csv;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The characters a cell must not hide: control characters (a terminal or a log reads ESC, BEL or a line break as an
 * instruction), bidirectional controls (they reorder what a reader sees, so {@code invoice[U+202E]fdp.exe} shows as
 * {@code invoiceexe.pdf}), and invisible characters (zero-width and other format characters, spaces other than
 * U+0020). Each finding names the character by its code point and its position (counted in characters from 1),
 * never by the character itself.
 */
final class Characters {

    /**
     * The scripts one e-mail address may combine, as in the "highly restrictive" level of Unicode Technical Standard
     * #39: one script, or Latin with the scripts Japanese, Chinese or Korean are written in. Characters of no
     * particular script (digits, punctuation, combining marks) do not count.
     */
    private static final List<Set<Character.UnicodeScript>> ALLOWED_MIXES = List.of(
            EnumSet.of(Character.UnicodeScript.LATIN, Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA,
                    Character.UnicodeScript.KATAKANA),
            EnumSet.of(Character.UnicodeScript.LATIN, Character.UnicodeScript.HAN, Character.UnicodeScript.BOPOMOFO),
            EnumSet.of(Character.UnicodeScript.LATIN, Character.UnicodeScript.HAN, Character.UnicodeScript.HANGUL));

    private Characters() {
    }

    /**
     * "a control character (U+001B) at position 5" for the first one in {@code text} from index {@code from} (the
     * position still counts from the start of {@code text}), or null when there is none.
     */
    static String controlCharacter(String text, int from, int to) {
        return first(text, from, to, "a control character", Character::isISOControl);
    }

    /** A bidirectional control (the Unicode Bidi_Control property), described as above, or null. */
    static String bidiControl(String text) {
        return first(text, 0, text.length(), "a bidirectional control character", Characters::isBidiControl);
    }

    /** An invisible character (a format character, or a space other than U+0020), described as above, or null. */
    static String invisible(String text) {
        return first(text, 0, text.length(), "an invisible character",
                codePoint -> codePoint != ' ' && isInvisible(codePoint));
    }

    /** Whether some character can be seen: not a space of any kind, not a format or control character. */
    static boolean hasVisible(String text) {
        return text.codePoints().anyMatch(codePoint -> !Character.isWhitespace(codePoint)
                && !Character.isISOControl(codePoint) && !isInvisible(codePoint));
    }

    /** The scripts of {@code text}'s letters when they are not a mix a reader expects (see above), else null. */
    static Set<Character.UnicodeScript> mixedScripts(String text) {
        Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
        text.codePoints().mapToObj(Character.UnicodeScript::of)
                .filter(script -> script != Character.UnicodeScript.COMMON
                        && script != Character.UnicodeScript.INHERITED && script != Character.UnicodeScript.UNKNOWN)
                .forEach(scripts::add);
        if (scripts.size() <= 1 || ALLOWED_MIXES.stream().anyMatch(allowed -> allowed.containsAll(scripts))) {
            return null;
        }
        return scripts;
    }

    /** The Bidi_Control property: ALM, LRM, RLM, the embeddings and overrides, and the isolates. */
    static boolean isBidiControl(int codePoint) {
        return codePoint == 0x061C || codePoint == 0x200E || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.FORMAT || type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static String first(String text, int from, int to, String what, java.util.function.IntPredicate found) {
        int position = 0;
        for (int i = 0; i < to; ) {
            int codePoint = text.codePointAt(i);
            position++;
            if (i >= from && found.test(codePoint)) {
                return what + " (" + codePoint(codePoint) + ") at position " + position;
            }
            i += Character.charCount(codePoint);
        }
        return null;
    }

    /** U+001B, U+1F600. */
    static String codePoint(int codePoint) {
        return String.format("U+%04X", codePoint);
    }
}
