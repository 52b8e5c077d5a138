package io.whizbang.projections;

/** An account's balance as its perspective wrote it. */
public record Balance(String accountId, long cents, int deposits) {
}
