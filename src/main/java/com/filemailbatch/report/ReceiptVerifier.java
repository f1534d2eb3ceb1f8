package com.filemailbatch.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

/**
 * Checks the receipt chain: walks {@code run_receipt} in chain order and, for each receipt, that its file is there,
 * that the file's SHA-256 is the one recorded when it was written, and that the file names its predecessor's
 * SHA-256 (the genesis value for the first). Stops at the first receipt that fails and names it.
 */
public final class ReceiptVerifier {

    private final ReceiptChain chain;
    private final ObjectMapper json;

    ReceiptVerifier(ReceiptChain chain, ObjectMapper json) {
        this.chain = chain;
        this.json = json;
    }

    public ReceiptCheck verify(Path dir) {
        long[] count = {0};
        String[] previous = {ReceiptChain.GENESIS};
        String[] problem = {null};
        chain.forEach(link -> {
            if (problem[0] != null) {
                return;
            }
            count[0]++;
            problem[0] = check(dir, link, previous[0]);
            previous[0] = link.sha256();
        });
        return new ReceiptCheck(count[0], problem[0]);
    }

    private String check(Path dir, ChainLink link, String expectedPrevious) {
        Path file = dir.resolve(link.fileName());
        String name = link.fileName() + " (execution " + link.executionId() + ", receipt " + link.position() + ")";
        if (!link.previousSha256().equals(expectedPrevious)) {
            return "chain broken at " + name + ": the chain table does not link it to the receipt before it";
        }
        if (!Files.isRegularFile(file)) {
            return name + " was removed: " + file + " is missing";
        }
        String[] named = {null};
        String actual = digest(file, named);
        if (!actual.equals(link.sha256())) {
            return name + " was altered: its SHA-256 is " + actual + ", the chain recorded " + link.sha256();
        }
        if (!expectedPrevious.equals(named[0])) {
            return name + " does not name its predecessor's SHA-256 " + expectedPrevious;
        }
        return null;
    }

    /** SHA-256 of the file's bytes; {@code previous[0]} gets the receipt's {@code previousSha256}, read on the way. */
    private String digest(Path file, String[] previous) {
        MessageDigest digest = ReceiptWriter.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            previous[0] = previousSha256(in);
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (RuntimeException notJson) {
            previous[0] = null;
            return digestOf(file);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Reads only as far as the top-level {@code previousSha256} field (near the start); the rest is not parsed. */
    private String previousSha256(InputStream in) {
        JsonParser parser = json.createParser(new NonClosing(in));
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            parser.nextToken();
            if (name.equals("previousSha256")) {
                return parser.getValueAsString();
            }
            parser.skipChildren();
        }
        return null;
    }

    private static String digestOf(Path file) {
        try {
            return HexFormat.of().formatHex(ReceiptWriter.sha256().digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
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
