package io.whizbang.impl.ledger;

import io.whizbang.error.ConcurrencyException;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;
import io.whizbang.ledger.StreamAppend;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Restores a version conflict from the code and text it crossed the event bus as, so a remote caller can catch a
 * {@link ConcurrencyException} and read its actual version just as a local one can.
 *
 * <p>The text is kept verbatim; the conflict is recognised by rebuilding it with
 * {@link ConcurrencyException#conflict} for each stream of the append and each number in the text, so the rule holds
 * whatever words the factory uses.
 */
public final class RemoteConflicts {
    private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");

    private RemoteConflicts() {
    }

    /** The {@code ConcurrencyException} a {@code CONFLICT} failure of these appends stands for, else the failure. */
    public static WhizbangException restore(WhizbangException failure, List<StreamAppend> appends) {
        String text = failure.getMessage();
        if (failure.code() != ErrorCode.CONFLICT || text == null) {
            return failure;
        }
        for (StreamAppend append : appends) {
            Matcher numbers = NUMBER.matcher(text);
            while (numbers.find()) {
                ConcurrencyException candidate = ConcurrencyException.conflict(append.tenant(),
                        append.stream().value(), append.expected().toString(), Long.parseLong(numbers.group()));
                if (text.equals(candidate.getMessage())) {
                    return candidate;
                }
            }
        }
        return failure;
    }
}
