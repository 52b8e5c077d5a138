package io.whizbang.projections;

import io.whizbang.message.Event;

/** Money was paid into an account. */
public record Deposited(String accountId, long cents) implements Event {
}
