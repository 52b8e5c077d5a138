package io.whizbang.testdomain;

import io.whizbang.message.Query;

/** Asks a counter's value. */
public record GetCount(String counterId) implements Query<Count> {
}
