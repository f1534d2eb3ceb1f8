package com.filemailbatch.launch;

import com.filemailbatch.csv.InputFileException;
import com.filemailbatch.filemail.FilemailApiException;
import com.filemailbatch.ledger.MasterKeySource.MasterKeyException;
import com.filemailbatch.send.FilemailUnavailableException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Finds the one line worth showing a user in a chain of exceptions: ours, not the framework's wrappers. */
public final class FailureMessages {

    private FailureMessages() {
    }

    public static String explain(List<Throwable> failures) {
        return causes(failures)
                .filter(t -> t instanceof InputFileException || t instanceof MasterKeyException
                        || t instanceof FilemailUnavailableException || t instanceof FilemailApiException)
                .findFirst()
                .map(t -> t instanceof FilemailApiException api ? api.getMessage() + hint(api) : t.getMessage())
                .orElseGet(() -> failures.isEmpty() ? "unknown failure" : rootMessage(failures.get(0)));
    }

    /** Whether the run failed on its input file, which no resume fixes: the file must be corrected first. */
    static boolean isInputProblem(List<Throwable> failures) {
        return causes(failures).anyMatch(InputFileException.class::isInstance);
    }

    /** Whether the master key is the problem (not the ledger's key, unusable): a configuration error. */
    public static boolean isMasterKeyProblem(Throwable failure) {
        return causes(List.of(failure)).anyMatch(MasterKeyException.class::isInstance);
    }

    /** Every failure with its causes, outermost first. */
    private static Stream<Throwable> causes(List<Throwable> failures) {
        return failures.stream().flatMap(failure -> Stream.iterate(failure, Objects::nonNull,
                t -> t.getCause() == t ? null : t.getCause()));
    }

    /** The message of the innermost cause (a master key problem is its own message, not its cause's). */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof MasterKeyException) {
                break;
            }
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String hint(FilemailApiException api) {
        if (api.httpStatus() == 401) {
            return " (check FILEMAIL_API_KEY)";
        }
        if (api.httpStatus() == 404) {
            return " (check FILEMAIL_BASE_URL)";
        }
        if (api.httpStatus() == 0) {
            return " (is FILEMAIL_BASE_URL reachable?)";
        }
        return "";
    }
}
