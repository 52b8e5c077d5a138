package io.whizbang.projection.spi;

import io.whizbang.error.PermanentException;
import io.whizbang.projection.DeadLetter;

import java.util.Locale;

/**
 * The errors every dead-letter store driver answers with, worded alike.
 */
public final class DeadLetterErrors {
    private DeadLetterErrors() {
    }

    /** {@code NOT_FOUND}: the perspective has no letter at the position. */
    public static PermanentException notFound(String perspective, long position) {
        return PermanentException.notFound("perspective " + perspective + " has no dead letter at position "
                + position);
    }

    /** {@code CONFLICT}: the letter was already retried or skipped. */
    public static PermanentException resolved(DeadLetter letter) {
        return PermanentException.conflict("the dead letter of perspective " + letter.perspective()
                + " at position " + letter.position() + " is already " + letter.status().name().toLowerCase(Locale.ROOT)
                + " (at " + letter.resolvedAt() + ")");
    }
}
