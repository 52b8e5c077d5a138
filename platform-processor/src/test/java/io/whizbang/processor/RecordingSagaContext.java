package io.whizbang.processor;

import io.whizbang.handler.SagaContext;
import io.whizbang.message.Command;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A saga context that records the commands a saga step sends. */
final class RecordingSagaContext implements SagaContext {
    final List<Command> sent = new ArrayList<>();

    @Override
    public String instanceKey() {
        return "recorded";
    }

    @Override
    public Instant now() {
        return Instant.parse("2026-01-31T12:00:00Z");
    }

    @Override
    public void send(Command command) {
        sent.add(command);
    }

    @Override
    public void deadline(Duration fromNow) {
    }

    @Override
    public void clearDeadline() {
    }

    @Override
    public void complete() {
    }
}
