package io.whizbang.testdomain;

/** A counter's value as its perspective wrote it. */
public record Count(String counterId, int value) {
}
