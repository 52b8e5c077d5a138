package io.whizbang.impl.runtime;

import io.whizbang.handler.SagaContext;
import io.whizbang.message.Command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one saga step asked for: commands to send, the new deadline, completion.
 */
final class StepContext implements SagaContext {
    private final String key;
    private final Clock clock;
    final List<Command> sent = new ArrayList<>();
    Instant deadline;
    boolean completed;

    StepContext(String key, Clock clock, Instant deadline) {
        this.key = key;
        this.clock = clock;
        this.deadline = deadline;
    }

    @Override
    public String instanceKey() {
        return key;
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public void send(Command command) {
        sent.add(command);
    }

    @Override
    public void deadline(Duration fromNow) {
        deadline = clock.instant().plus(fromNow);
    }

    @Override
    public void clearDeadline() {
        deadline = null;
    }

    @Override
    public void complete() {
        completed = true;
        deadline = null;
    }
}
