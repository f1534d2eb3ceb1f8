package com.filemailbatch.cli;

import com.filemailbatch.ExitCodes;
import com.filemailbatch.jobs.JobDefinition;
import com.filemailbatch.ledger.KeyRotation;
import com.filemailbatch.ledger.KeyRotation.Rotation;
import com.filemailbatch.liveness.RunLock;
import com.filemailbatch.liveness.RunLock.HeldLock;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

/** {@code rotate-key}: re-encrypts the ledger's stored keys under a new master key. */
@Command(name = "rotate-key", mixinStandardHelpOptions = true,
        description = {"Re-encrypts every stored key of the ledger (transfer keys of live transfers, requests "
                + "of rows not sent yet) under a new master key, in one transaction: until it commits the old key "
                + "opens every row, after it the new one does. Run it again after a failure: it finishes.",
                "The new key: with FILEMAIL_BATCH_NEW_SECRET set, that secret (then set FILEMAIL_BATCH_SECRET to "
                        + "it on every machine); else with FILEMAIL_BATCH_SECRET set, the same secret with a new "
                        + "salt (this also moves a ledger of the old SHA-256 derivation to PBKDF2); else a new random "
                        + "key in master.key (written to master.key.new until the transaction committed).",
                "Refused while a run or cleanup holds its lock (exit 75). Back up the new key with the database."})
final class RotateKeyCommand extends ContextCommand {

    /** Progress is shown every this many rows: a large ledger takes a while. */
    private static final long PROGRESS_EVERY = 10_000;

    RotateKeyCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    ExitCodeHelp exitCodes() {
        return ExitCodeHelp.of(ExitCodes.OK, ExitCodes.USAGE, ExitCodes.LOCKED, ExitCodes.CONFIG)
                .with(ExitCodes.LOCKED, "not rotated: a run is in progress");
    }

    @Override
    int call(ConfigurableApplicationContext context) {
        RunLock locks = context.getBean(RunLock.class);
        List<HeldLock> held = new ArrayList<>();
        try {
            // Every job that encrypts or decrypts: none may run under the old key while the ledger moves.
            for (JobDefinition.Kind job : JobDefinition.Kind.values()) {
                Optional<HeldLock> lock = locks.tryAcquire(job.jobName());
                if (lock.isEmpty()) {
                    String holder = locks.holder(job.jobName()).map(h -> " (lock held by process " + h.lockedBy()
                            + ")").orElse("");
                    err.println("Not started: a run of " + job.jobName() + " is in progress" + holder
                            + "; nothing was changed. Try again when it has ended.");
                    return ExitCodes.LOCKED;
                }
                held.add(lock.get());
            }
            long[] shown = {0};
            Rotation rotation = context.getBean(KeyRotation.class).rotate((done, total) -> {
                if (done - shown[0] >= PROGRESS_EVERY) {
                    shown[0] = done;
                    err.println("re-encrypted " + done + " of " + total + " rows...");
                }
            });
            out.print(describe(rotation));
            return ExitCodes.OK;
        } finally {
            held.forEach(HeldLock::close);
        }
    }

    static String describe(Rotation rotation) {
        String n = System.lineSeparator();
        StringBuilder text = new StringBuilder("Master key rotated: " + rotation.oldKeyId() + " -> "
                + rotation.newKeyId() + n + "  transfer keys re-encrypted   " + rotation.transferKeys() + n
                + "  stored requests re-encrypted " + rotation.requests() + n);
        if (!rotation.unreadable().isEmpty()) {
            text.append("  left as they were (the old key could not open them, nor can any): ")
                    .append(rotation.unreadable().size()).append(", first ")
                    .append(String.join(", ", rotation.unreadable().subList(0,
                            Math.min(5, rotation.unreadable().size())))).append(n);
        }
        if (rotation.keyFile() != null) {
            text.append("The new key is in ").append(rotation.keyFile()).append(": back it up now, with the "
                    + "database. Backups of the database made before need the key backed up with them.").append(n);
        } else if (rotation.newSecret()) {
            text.append("Set FILEMAIL_BATCH_SECRET to the value of FILEMAIL_BATCH_NEW_SECRET on every machine "
                    + "sharing this database, then unset FILEMAIL_BATCH_NEW_SECRET.").append(n);
        } else {
            text.append("FILEMAIL_BATCH_SECRET is unchanged; the key derived from it (PBKDF2, new salt) is new.")
                    .append(n);
        }
        return text.toString();
    }
}
