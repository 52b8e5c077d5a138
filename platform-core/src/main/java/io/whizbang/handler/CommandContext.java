package io.whizbang.handler;

import io.whizbang.message.Envelope;
import io.whizbang.security.Principal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * What a receptor may know besides the command and the state: who sent it, the ids, and the time.
 *
 * @param envelope the command's envelope
 * @param clock    the clock of the runtime; use it instead of the system time so tests can fix it
 */
public record CommandContext(Envelope<?> envelope, Clock clock) {
    /** The sender. */
    public Principal principal() {
        return envelope.principal();
    }

    /** The tenant the command acts in. */
    public String tenant() {
        return envelope.tenant();
    }

    /** The command's message id: stable across retries, a good id for a stream the command creates. */
    public UUID messageId() {
        return envelope.messageId();
    }

    /** The time now. */
    public Instant now() {
        return clock.instant();
    }
}
