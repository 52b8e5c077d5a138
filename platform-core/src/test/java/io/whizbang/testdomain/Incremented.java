package io.whizbang.testdomain;

import io.whizbang.message.Event;

/** A counter was increased. */
public record Incremented(String counterId, int by) implements Event {
}
