package com.filemailbatch.csv;

import java.util.List;

/**
 * Checks a {@link TransferDefinition} against the input format's rules and normalizes it. Rules are checked
 * in column order (structure, reference, subject, to, message, days, notify, confirmation, files) and the
 * first broken one is reported, so the operator fixes one thing at a time in a predictable order.
 * Lengths are counted in characters (Unicode code points).
 */
public class TransferDefinitionValidator {

    static final int MAX_REFERENCE_LENGTH = 200;
    static final int MAX_SUBJECT_LENGTH = 200;
    static final int MAX_MESSAGE_LENGTH = 5000;
    /** The longest address a mail server must accept (RFC 5321's limit on a forward path). */
    static final int MAX_ADDRESS_LENGTH = 254;

    public Validation validate(TransferDefinition row) {
        String givenReference = Cells.trimmed(row.reference());
        String referenceProblem = givenReference == null ? null : referenceProblem(givenReference);
        String reference = givenReference == null ? digestOf(row) : referenceProblem == null ? givenReference : null;
        Rejecter reject = new Rejecter(row, reference);

        if (row.structureProblem() != null) {
            return new Rejection(row.sourceFile(), row.line(), reference, null, row.structureProblem());
        }
        if (referenceProblem != null) {
            return reject.at(Column.REFERENCE, referenceProblem);
        }
        String subject = Cells.trimmed(row.subject());
        if (subject == null) {
            return reject.at(Column.SUBJECT, "subject is required");
        }
        if (Cells.length(subject) > MAX_SUBJECT_LENGTH) {
            return reject.at(Column.SUBJECT, tooLong("subject", subject, MAX_SUBJECT_LENGTH));
        }
        String subjectProblem = subjectProblem(row.subject(), subject);
        if (subjectProblem != null) {
            return reject.at(Column.SUBJECT, subjectProblem);
        }
        List<String> to = Cells.items(row.to());
        for (String recipient : to) {
            String problem = EmailAddress.problem(recipient, MAX_ADDRESS_LENGTH);
            if (problem != null) {
                return reject.at(Column.TO, problem);
            }
        }
        String message = Cells.asIs(row.message());
        if (message != null && Cells.length(message) > MAX_MESSAGE_LENGTH) {
            return reject.at(Column.MESSAGE, tooLong("message", message, MAX_MESSAGE_LENGTH));
        }
        String daysText = Cells.trimmed(row.days());
        Integer days = daysText == null ? null : Cells.integer(daysText);
        if (daysText != null && (days == null || (days != -1 && days < 1))) {
            return reject.at(Column.DAYS,
                    "days must be -1 or a whole number of at least 1, got " + Excerpt.quoted(daysText));
        }
        String notifyText = Cells.trimmed(row.notification());
        Boolean notify = flag(notifyText);
        if (notifyText != null && notify == null) {
            return reject.at(Column.NOTIFY, "notify must be true or false, got " + Excerpt.quoted(notifyText));
        }
        String confirmationText = Cells.trimmed(row.confirmation());
        Boolean confirmation = flag(confirmationText);
        if (confirmationText != null && confirmation == null) {
            return reject.at(Column.CONFIRMATION,
                    "confirmation must be true or false, got " + Excerpt.quoted(confirmationText));
        }
        List<String> files = Cells.items(row.files());
        for (String file : files) {
            // a stray line break inside a quoted cell would otherwise become part of a path
            if (Cells.hasControlCharacter(file)) {
                return reject.at(Column.FILES, "file path " + Excerpt.quoted(file) + " contains a control character");
            }
            String bidi = Characters.bidiControl(file);
            if (bidi != null) {
                return reject.at(Column.FILES, "file path " + Excerpt.quoted(file) + " contains " + bidi);
            }
        }
        return new ValidTransfer(reference, givenReference != null, subject, to, message, Cells.asIs(row.password()),
                days, notify, confirmation, files, row.sourceFile(), row.line());
    }

    private static String referenceProblem(String reference) {
        if (Cells.length(reference) > MAX_REFERENCE_LENGTH) {
            return tooLong("reference", reference, MAX_REFERENCE_LENGTH);
        }
        if (Cells.hasControlCharacter(reference)) {
            return "reference must not contain control characters, got " + Excerpt.quoted(reference);
        }
        String bidi = Characters.bidiControl(reference);
        return bidi == null ? null : "reference contains " + bidi;
    }

    /**
     * A subject is a one-line title a reader must be able to see as it is: no control character (a line break, ESC,
     * BEL, NUL), no bidirectional control, and something visible. What trimming drops around it is not sent, so
     * only the trimmed subject is checked; positions count in the cell as written.
     */
    private static String subjectProblem(String cell, String subject) {
        int from = cell.indexOf(subject);
        String control = Characters.controlCharacter(cell, from, from + subject.length());
        if (control != null) {
            return "subject contains " + control;
        }
        String bidi = Characters.bidiControl(cell);
        if (bidi != null) {
            return "subject contains " + bidi;
        }
        if (!Characters.hasVisible(subject)) {
            return "subject has no visible character (only spaces or invisible characters)";
        }
        return null;
    }

    private static String tooLong(String name, String value, int max) {
        return name + " is " + Cells.length(value) + " characters; at most " + max + " are allowed";
    }

    private static Boolean flag(String text) {
        if ("true".equalsIgnoreCase(text)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(text)) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** Digests what can be read even from a row that will be rejected, so the rejection is keyed too. */
    private static String digestOf(TransferDefinition row) {
        String days = Cells.trimmed(row.days());
        Integer parsedDays = days == null ? null : Cells.integer(days);
        return ReferenceDigest.of(Cells.trimmed(row.subject()), Cells.items(row.to()), Cells.asIs(row.message()),
                parsedDays != null ? parsedDays.toString() : days,
                Cells.lowerCase(Cells.trimmed(row.notification())), Cells.lowerCase(Cells.trimmed(row.confirmation())),
                Cells.items(row.files()));
    }

    private record Rejecter(TransferDefinition row, String reference) {

        Rejection at(Column column, String reason) {
            return new Rejection(row.sourceFile(), row.line(), reference, column.headerName(), reason);
        }
    }
}
