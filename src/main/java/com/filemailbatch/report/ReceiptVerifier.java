package com.filemailbatch.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

/**
 * Checks the receipts, from both sides:
 * <ul>
 * <li>the chain the database records ({@code run_receipt}), in chain order: each receipt's file is there, its SHA-256
 * is the one recorded when it was written, and it names its predecessor's SHA-256 (the genesis value for the first);
 * </li>
 * <li>the receipt files of the directory ({@code run-<id>.json}), in the order of their {@code chainPosition}: each
 * names, in {@code previousSha256}, the SHA-256 of the file before it, so an altered receipt is seen in the files
 * alone;</li>
 * <li>every receipt file of the directory is one the database's chain records: a file nothing vouches for is named.
 * </li>
 * </ul>
 * Only when all three hold is the chain called intact.
 */
public final class ReceiptVerifier {

    private static final Pattern RECEIPT_NAME = Pattern.compile("run-\\d+\\.json");
    /** Receipts named when several are not in the database's chain; the rest are counted. */
    private static final int NAMES_SHOWN = 5;

    private final ReceiptChain chain;
    private final ObjectMapper json;

    ReceiptVerifier(ReceiptChain chain, ObjectMapper json) {
        this.chain = chain;
        this.json = json;
    }

    public ReceiptCheck verify(Path dir) {
        Map<String, ReceiptFile> files = scan(dir);
        List<String> problems = new ArrayList<>();
        long[] count = {0};
        String[] previous = {ReceiptChain.GENESIS};
        Set<String> recorded = new HashSet<>();
        chain.forEach(link -> {
            recorded.add(link.fileName());
            if (!problems.isEmpty()) {
                return;
            }
            count[0]++;
            String problem = check(dir, files.get(link.fileName()), link, previous[0]);
            if (problem != null) {
                problems.add(problem);
            }
            previous[0] = link.sha256();
        });
        problems.addAll(filesChain(files));
        List<String> unrecorded = files.keySet().stream().filter(name -> !recorded.contains(name)).toList();
        if (!unrecorded.isEmpty()) {
            problems.add(notRecorded(unrecorded));
        }
        return new ReceiptCheck(count[0], problems);
    }

    /**
     * One run's receipt, checked alone: its file is there, has the SHA-256 recorded, and names the predecessor the
     * chain records. The whole chain is {@link #verify(Path)}'s.
     *
     * @param link    the receipt as recorded, or null when the run wrote none (a dry run, a run still going)
     * @param problem what is wrong with it, or null when it is intact (or there is none)
     */
    public record RunReceipt(ChainLink link, String problem) {
    }

    public RunReceipt ofRun(long executionId, Path dir) {
        Optional<ChainLink> link = chain.forExecution(executionId);
        if (link.isEmpty()) {
            return new RunReceipt(null, null);
        }
        Path path = dir.resolve(link.get().fileName());
        ReceiptFile file = Files.isRegularFile(path) ? read(path) : null;
        return new RunReceipt(link.get(), check(dir, file, link.get(), link.get().previousSha256()));
    }

    private static String check(Path dir, ReceiptFile file, ChainLink link, String expectedPrevious) {
        String name = link.fileName() + " (execution " + link.executionId() + ", receipt " + link.position() + ")";
        if (!link.previousSha256().equals(expectedPrevious)) {
            return "chain broken at " + name + ": the chain table does not link it to the receipt before it";
        }
        if (file == null) {
            return name + " was removed: " + dir.resolve(link.fileName()) + " is missing";
        }
        if (!file.sha256().equals(link.sha256())) {
            return name + " was altered: its SHA-256 is " + file.sha256() + ", the chain recorded " + link.sha256();
        }
        if (!expectedPrevious.equals(file.previousSha256())) {
            return name + " does not name its predecessor's SHA-256 " + expectedPrevious;
        }
        return null;
    }

    /** The files' own chain: each names the SHA-256 of the file at the position before it. */
    private static List<String> filesChain(Map<String, ReceiptFile> files) {
        List<String> problems = new ArrayList<>();
        Map<Long, ReceiptFile> byPosition = new TreeMap<>();
        for (ReceiptFile file : files.values()) {
            if (file.position() == null) {
                problems.add(file.name() + " is not a receipt of the chain: it has no chainPosition");
                continue;
            }
            ReceiptFile other = byPosition.putIfAbsent(file.position(), file);
            if (other != null) {
                problems.add(file.name() + " and " + other.name() + " both claim chain position "
                        + file.position());
            }
        }
        Long lowest = byPosition.isEmpty() ? null : byPosition.keySet().iterator().next();
        for (ReceiptFile file : byPosition.values()) {
            long position = file.position();
            if (position == 1) {
                if (!ReceiptChain.GENESIS.equals(file.previousSha256())) {
                    problems.add(file.name() + " (receipt 1) does not name the genesis value as its predecessor");
                }
                continue;
            }
            ReceiptFile before = byPosition.get(position - 1);
            if (before == null) {
                // The lowest file's predecessor may be kept elsewhere; a gap between files is a removal.
                if (position != lowest) {
                    problems.add(file.name() + " (receipt " + position + ") follows receipt " + (position - 1)
                            + ", which is not in the directory");
                }
            } else if (!before.sha256().equals(file.previousSha256())) {
                problems.add(file.name() + " (receipt " + position + ") names " + file.previousSha256()
                        + " as the SHA-256 of the receipt before it, but " + before.name() + " (receipt "
                        + (position - 1) + ") has SHA-256 " + before.sha256() + ": one of them was altered");
            }
        }
        return problems;
    }

    private static String notRecorded(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(names.size(), NAMES_SHOWN)))
                + (names.size() > NAMES_SHOWN ? " and " + (names.size() - NAMES_SHOWN) + " more" : "");
        return shown + (names.size() == 1 ? " is" : " are") + " not in the chain the database records: "
                + "nothing vouches for " + (names.size() == 1 ? "it" : "them");
    }

    /** The directory's receipt files by name, each read once (its SHA-256 and where it says it is in the chain). */
    private Map<String, ReceiptFile> scan(Path dir) {
        Map<String, ReceiptFile> files = new TreeMap<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path file : entries.toList()) {
                String name = file.getFileName().toString();
                if (RECEIPT_NAME.matcher(name).matches() && Files.isRegularFile(file)) {
                    files.put(name, read(file));
                }
            }
        } catch (NoSuchFileException | NotDirectoryException none) {
            // No receipts there: each one the chain records is reported missing.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the receipts in " + dir, e);
        }
        return files;
    }

    /** One pass: the fields near the start are parsed, and every byte goes through the digest. */
    private ReceiptFile read(Path file) {
        MessageDigest digest = ReceiptWriter.sha256();
        Head head;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            try {
                head = head(in);
            } catch (RuntimeException notJson) {
                head = new Head(null, null);
            }
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new ReceiptFile(file.getFileName().toString(), HexFormat.of().formatHex(digest.digest()),
                head.position(), head.previousSha256());
    }

    /** Reads only as far as {@code chainPosition} and {@code previousSha256} (near the start). */
    private Head head(InputStream in) {
        JsonParser parser = json.createParser(new NonClosing(in));
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return new Head(null, null);
        }
        Long position = null;
        String previous = null;
        for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("chainPosition") && value == JsonToken.VALUE_NUMBER_INT) {
                position = parser.getLongValue();
            } else if (name.equals("previousSha256")) {
                previous = parser.getValueAsString();
            } else {
                parser.skipChildren();
            }
            if (position != null && previous != null) {
                break;
            }
        }
        return new Head(position, previous);
    }

    private record Head(Long position, String previousSha256) {
    }

    /** A receipt file as found: its SHA-256, and the place in the chain it claims (null when it claims none). */
    private record ReceiptFile(String name, String sha256, Long position, String previousSha256) {
    }

    /** The parser must not close the stream: the rest of the file still goes through the digest. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
