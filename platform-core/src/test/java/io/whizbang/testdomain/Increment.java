package io.whizbang.testdomain;

import io.whizbang.error.ValidationException;
import io.whizbang.message.Command;

/** Adds to a counter. */
public record Increment(String counterId, int by) implements Command {
    public Increment {
        ValidationException.require(counterId != null && !counterId.isBlank(), "counterId", "is required");
        ValidationException.require(by >= 1 && by <= 100, "by", "must be 1-100, was " + by);
    }
}
