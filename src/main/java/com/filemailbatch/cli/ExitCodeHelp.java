package com.filemailbatch.cli;

import com.filemailbatch.ExitCodes;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * The "Exit codes:" section of the help, written in one place: what each code of {@link ExitCodes} means, and which
 * a command can end with. picocli lays the section out in two columns and wraps long meanings.
 */
final class ExitCodeHelp {

    /** The meaning of each code, in the order the help lists them. */
    private static final Map<Integer, String> MEANINGS = meanings();

    /** The codes a command can end with, and what they mean there where it differs from {@link #MEANINGS}. */
    private final Map<Integer, String> table = new LinkedHashMap<>();

    private ExitCodeHelp() {
    }

    /** Every code, as the top-level help lists them. */
    static ExitCodeHelp all() {
        ExitCodeHelp help = new ExitCodeHelp();
        help.table.putAll(MEANINGS);
        return help;
    }

    /** These codes, with their general meaning. */
    static ExitCodeHelp of(int... codes) {
        ExitCodeHelp help = new ExitCodeHelp();
        for (int code : codes) {
            help.table.put(code, MEANINGS.get(code));
        }
        return help;
    }

    /** This code (added or replaced), with what it means for this command. */
    ExitCodeHelp with(int code, String meaning) {
        table.put(code, meaning);
        return this;
    }

    /** Sets the section of {@code command}'s help. */
    void applyTo(CommandLine command) {
        Map<String, String> rows = new LinkedHashMap<>();
        table.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(row -> rows.put(String.valueOf(row.getKey()), row.getValue()));
        command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(rows);
    }

    private static Map<Integer, String> meanings() {
        Map<Integer, String> meanings = new LinkedHashMap<>();
        meanings.put(ExitCodes.OK, "success");
        meanings.put(ExitCodes.JOB_FAILED, "the job failed: run the same command again to resume");
        meanings.put(ExitCodes.COMPLETED_WITH_PROBLEMS, "completed, but some rows were rejected or failed");
        meanings.put(ExitCodes.USAGE, "usage error (also: show of an unknown execution id)");
        meanings.put(ExitCodes.RECEIPTS_BROKEN, "verify-receipts: a receipt was altered or removed");
        meanings.put(ExitCodes.LOCKED, "not started: another run of the same job is in progress (its lock is held)");
        meanings.put(ExitCodes.CONFIG, "configuration error (for example no API key without --sandbox)");
        return java.util.Collections.unmodifiableMap(meanings);
    }
}
