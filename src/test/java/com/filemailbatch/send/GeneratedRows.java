package com.filemailbatch.send;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Generates CSV rows over the documented rules of docs/csv-format.md from a seed: rows at any point within the
 * limits (every length up to the limit, characters outside the Basic Multilingual Plane, many recipients, long file
 * names, long passwords), and rows just beyond one limit, each with the column that must reject it. The same seed
 * always gives the same rows, so a failure names the seed that reproduces it.
 */
final class GeneratedRows {

    static final String HEADER_LINE = "reference,subject,to,message,password,days,notify,confirmation,files";
    static final int MAX_REFERENCE = 200;
    static final int MAX_SUBJECT = 200;
    static final int MAX_MESSAGE = 5000;
    static final int MAX_ADDRESS = 254;

    /** Code points a cell may hold: ASCII, Latin-1 letters, CJK, and emoji (two UTF-16 units each). */
    private static final int[][] TEXT_RANGES = {{'a', 'z'}, {'A', 'Z'}, {'0', '9'}, {0xC0, 0xFF}, {0x4E00, 0x4FFF},
            {0x1F600, 0x1F64F}, {0x1F300, 0x1F3FF}};
    /** Also allowed in a subject or message between visible characters. */
    private static final String PUNCTUATION = " ,.;:!?'\"-=+@()";

    private final Random random;
    private final Path dir;
    private final List<String> pool;
    private int serial;

    /** @param pool file names present in {@code dir}, for the {@code files} column */
    GeneratedRows(long seed, Path dir, List<String> pool) {
        this.random = new Random(seed);
        this.dir = dir;
        this.pool = pool;
    }

    /**
     * One generated row: its cells in header order and, when it is beyond a limit, the column that rejects it.
     *
     * @param rejectedColumn null for a row within the rules
     */
    record Row(List<String> cells, String rejectedColumn, String subject) {
    }

    /** A row within every rule. */
    Row valid() {
        int id = ++serial;
        String tag = "#" + id + "#";
        String reference = random.nextInt(4) == 0 ? "" : tag + text(random.nextInt(MAX_REFERENCE - tag.length()) + 1, false);
        String subject = tag + text(random.nextInt(MAX_SUBJECT - tag.length()) + 1, true);
        List<String> cells = new ArrayList<>(List.of(reference, subject, recipients(), message(), password(), days(),
                flag(), flag(), files()));
        return new Row(cells, null, subject);
    }

    /** A row that breaks exactly one limit by one character. */
    Row justBeyond() {
        Row row = valid();
        List<String> cells = new ArrayList<>(row.cells());
        String column;
        switch (random.nextInt(4)) {
            case 0 -> {
                cells.set(0, "#" + (++serial) + "#" + text(MAX_REFERENCE + 1 - ("#" + serial + "#").length(), false));
                column = "reference";
            }
            case 1 -> {
                cells.set(1, text(MAX_SUBJECT + 1, false));
                column = "subject";
            }
            case 2 -> {
                cells.set(3, text(MAX_MESSAGE + 1, true));
                column = "message";
            }
            default -> {
                cells.set(2, "a@example.com;" + address(MAX_ADDRESS + 1));
                column = "to";
            }
        }
        return new Row(cells, column, cells.get(1));
    }

    /** Text of exactly {@code length} code points, starting and ending with a visible character. */
    String text(int length, boolean punctuation) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            boolean edge = i == 0 || i == length - 1;
            if (punctuation && !edge && random.nextInt(8) == 0) {
                out.append(PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())));
            } else {
                int[] range = TEXT_RANGES[random.nextInt(TEXT_RANGES.length)];
                out.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
            }
        }
        return out.toString();
    }

    /** An address of exactly {@code length} characters, all of one script. */
    static String address(int length) {
        String domain = "@example.com";
        return "a".repeat(length - domain.length()) + domain;
    }

    private String recipients() {
        int count = switch (random.nextInt(6)) {
            case 0 -> 0;
            case 1 -> random.nextInt(400) + 1;
            default -> random.nextInt(4) + 1;
        };
        List<String> to = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            to.add(switch (random.nextInt(10)) {
                case 0 -> address(MAX_ADDRESS);
                case 1 -> "пользователь" + i + "@пример.рф";
                case 2 -> "user" + i + "@bücher.de";
                default -> "r" + serial + "x" + i + "@example.com";
            });
        }
        return String.join(";", to);
    }

    private String message() {
        return switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> text(MAX_MESSAGE, true);
            default -> text(random.nextInt(300) + 1, true).replace('!', '\n');
        };
    }

    private String password() {
        return switch (random.nextInt(4)) {
            case 0 -> text(random.nextInt(20_000) + 1, true);
            case 1 -> text(random.nextInt(30) + 1, true);
            default -> "";
        };
    }

    private String days() {
        return switch (random.nextInt(4)) {
            case 0 -> "-1";
            case 1 -> Integer.toString(random.nextInt(999_999_999) + 1);
            case 2 -> Integer.toString(random.nextInt(30) + 1);
            default -> "";
        };
    }

    private String flag() {
        return switch (random.nextInt(3)) {
            case 0 -> "true";
            case 1 -> "FALSE";
            default -> "";
        };
    }

    private String files() {
        if (random.nextInt(3) != 0) {
            return "";
        }
        int count = random.nextInt(3) + 1;
        List<String> names = new ArrayList<>(pool);
        java.util.Collections.shuffle(names, random);
        return String.join(";", names.subList(0, count));
    }

    /** Writes the rows (header first) and returns each row's first line in the file. */
    static List<Long> write(Path file, List<Row> rows) {
        StringWriter out = new StringWriter();
        List<Long> lines = new ArrayList<>();
        long line = 2;
        try (CSVPrinter csv = CSVFormat.RFC4180.print(out)) {
            out.write(HEADER_LINE + "\r\n");
            for (Row row : rows) {
                lines.add(line);
                csv.printRecord(row.cells());
                line += 1 + row.cells().stream().mapToLong(cell -> cell.chars().filter(c -> c == '\n').count())
                        .sum();
            }
            csv.flush();
            Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** File names of 100 to 200 characters, each file one byte, created in {@code dir}. */
    static List<String> filePool(Path dir, int count) {
        List<String> names = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                String name = "f" + i + "-" + "n".repeat(100 + (i * 37) % 100) + ".txt";
                Files.write(dir.resolve(name), new byte[] {(byte) i});
                names.add(name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    Path dir() {
        return dir;
    }
}
