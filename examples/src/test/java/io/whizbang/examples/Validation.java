package io.whizbang.examples;

import io.whizbang.error.ErrorCode;
import io.whizbang.error.ValidationException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Assertions on the rules of message records.
 */
public final class Validation {
    private Validation() {
    }

    /** Asserts that the construction fails with {@code INVALID_ARGUMENT} naming the field. */
    public static void assertRejected(ThrowingCallable construction, String field) {
        assertThatThrownBy(construction).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        });
    }
}
