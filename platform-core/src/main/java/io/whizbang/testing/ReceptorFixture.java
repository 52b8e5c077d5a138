package io.whizbang.testing;

import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;
import io.whizbang.handler.CommandContext;
import io.whizbang.handler.Decision;
import io.whizbang.handler.Receptor;
import io.whizbang.message.Command;
import io.whizbang.message.Envelope;
import io.whizbang.message.Event;
import io.whizbang.message.MessageType;
import io.whizbang.security.Principal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Given-when-then tests of one receptor, usable from any JUnit test: {@code given(events).when(command)} then
 * assert the events or the rejection. The state is folded with the receptor's own aggregate; the clock is fixed.
 *
 * @param <C> the command type
 * @param <S> the state type
 */
public final class ReceptorFixture<C extends Command, S> {
    /** The instant fixtures' clocks stand at unless told otherwise. */
    public static final Instant DEFAULT_NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final Receptor<C, S> receptor;
    private final List<Event> history = new ArrayList<>();
    private Principal principal = Principal.of("test-user", "test-tenant");
    private Clock clock = Clock.fixed(DEFAULT_NOW, ZoneOffset.UTC);
    private UUID messageId = UUID.fromString("00000000-0000-7000-8000-000000000001");

    private ReceptorFixture(Receptor<C, S> receptor) {
        this.receptor = Objects.requireNonNull(receptor, "receptor");
    }

    /** A fixture of the receptor. */
    public static <C extends Command, S> ReceptorFixture<C, S> of(Receptor<C, S> receptor) {
        return new ReceptorFixture<>(receptor);
    }

    /** The stream already holds these events, in order. */
    public ReceptorFixture<C, S> given(Event... events) {
        history.addAll(List.of(events));
        return this;
    }

    /** The stream already holds these events, in order. */
    public ReceptorFixture<C, S> given(List<? extends Event> events) {
        history.addAll(events);
        return this;
    }

    /** The command comes from this principal. */
    public ReceptorFixture<C, S> as(Principal sender) {
        this.principal = Objects.requireNonNull(sender, "sender");
        return this;
    }

    /** The clock stands at this instant. */
    public ReceptorFixture<C, S> at(Instant now) {
        this.clock = Clock.fixed(now, ZoneOffset.UTC);
        return this;
    }

    /** The command carries this message id (which receptors may use as a new stream's id). */
    public ReceptorFixture<C, S> withMessageId(UUID id) {
        this.messageId = Objects.requireNonNull(id, "id");
        return this;
    }

    /** The command's message id. */
    public UUID messageId() {
        return messageId;
    }

    /** Decides the command on the state folded from the given events. */
    public Outcome when(C command) {
        S state = receptor.aggregate().initial();
        for (Event event : history) {
            state = receptor.aggregate().evolve(state, event);
        }
        Envelope<C> envelope = new Envelope<>(messageId, messageId, null, principal.tenant(), principal, null,
                clock.instant(), new MessageType(command.getClass().getSimpleName(), 1), command);
        CommandContext context = new CommandContext(envelope, clock);
        receptor.streamOf(command, context);
        try {
            return new Outcome(receptor.decide(command, state, context), null);
        } catch (WhizbangException e) {
            return new Outcome(null, e);
        }
    }

    /** What the receptor decided, with assertions. */
    public static final class Outcome {
        private final Decision decision;
        private final WhizbangException thrown;

        private Outcome(Decision decision, WhizbangException thrown) {
            this.decision = decision;
            this.thrown = thrown;
        }

        /** The events emitted; fails when the command was rejected. */
        public List<Event> events() {
            if (decision instanceof Decision.Accepted accepted) {
                return accepted.events();
            }
            throw new AssertionError("expected the command to be accepted, but it was rejected: " + rejection());
        }

        /** Asserts the command was accepted with exactly these events, in order. */
        public Outcome thenEvents(Event... expected) {
            List<Event> actual = events();
            if (!actual.equals(List.of(expected))) {
                throw new AssertionError("expected events " + List.of(expected) + "\n but the receptor emitted "
                        + actual);
            }
            return this;
        }

        /** Asserts the command was accepted and emitted nothing. */
        public Outcome thenNothing() {
            return thenEvents();
        }

        /** Asserts the command was rejected with the code. */
        public Outcome thenRejected(ErrorCode code) {
            String rejection = rejection();
            if (rejection == null) {
                throw new AssertionError("expected a rejection with " + code + ", but the receptor emitted "
                        + events());
            }
            ErrorCode actual = decision instanceof Decision.Rejected rejected ? rejected.code() : thrown.code();
            if (actual != code) {
                throw new AssertionError("expected a rejection with " + code + ", but it was " + actual + ": "
                        + rejection);
            }
            return this;
        }

        /** Asserts the command was rejected with the code and a reason containing the text. */
        public Outcome thenRejected(ErrorCode code, String reasonContains) {
            thenRejected(code);
            if (!rejection().contains(reasonContains)) {
                throw new AssertionError("expected the reason to contain \"" + reasonContains + "\", but it was: "
                        + rejection());
            }
            return this;
        }

        private String rejection() {
            if (decision instanceof Decision.Rejected rejected) {
                return rejected.code() + ": " + rejected.reason();
            }
            return thrown == null ? null : thrown.code() + ": " + thrown.getMessage();
        }
    }
}
