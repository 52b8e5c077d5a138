package io.whizbang.testing;

import io.whizbang.message.Command;
import io.whizbang.message.Event;
import io.whizbang.registry.Registry;
import io.whizbang.registry.SagaBinding;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Given-when-then tests of one saga through its generated binding: {@code given(events).when(event)} or
 * {@code whenDeadlinePasses(key)}, then assert the commands sent, the deadline and the state. Time is a fixed
 * clock that the fixture moves.
 *
 * @param <S> the saga's state type
 */
public final class SagaFixture<S> {
    private final SagaBinding<S> binding;
    private final Map<String, Instance<S>> instances = new HashMap<>();
    private Instant now = ReceptorFixture.DEFAULT_NOW;

    private SagaFixture(SagaBinding<S> binding) {
        this.binding = binding;
    }

    /** A fixture of the registry's saga whose state is the type. */
    @SuppressWarnings("unchecked")
    public static <S> SagaFixture<S> of(Registry registry, Class<S> stateType) {
        for (SagaBinding<?> binding : registry.sagas()) {
            if (binding.stateType() == stateType) {
                return new SagaFixture<>((SagaBinding<S>) binding);
            }
        }
        throw new IllegalArgumentException("no saga of " + registry.name() + " keeps " + stateType.getName());
    }

    /** Moves the clock on. */
    public SagaFixture<S> advance(Duration duration) {
        now = now.plus(duration);
        return this;
    }

    /** The saga has already handled these events; what they sent is forgotten. */
    public SagaFixture<S> given(Event... events) {
        for (Event event : events) {
            when(event);
        }
        return this;
    }

    /** The saga handles one event. */
    public Step<S> when(Event event) {
        if (!binding.handles(event.getClass())) {
            throw new IllegalArgumentException("saga " + binding.name() + " does not handle "
                    + event.getClass().getSimpleName());
        }
        String key = binding.keyOf().apply(event);
        Instance<S> instance = instances.computeIfAbsent(key, k -> new Instance<>(binding.instance().initial()));
        if (instance.completed) {
            return new Step<>(key, instance, List.of());
        }
        RecordingSagaContext context = new RecordingSagaContext(key, clock(), instance.deadline);
        instance.state = binding.invoker().apply(event, instance.state, context);
        return record(key, instance, context);
    }

    /** The deadline of the instance passes: the clock moves to it and {@code onDeadline} runs. */
    public Step<S> whenDeadlinePasses(String key) {
        Instance<S> instance = instances.get(key);
        if (instance == null || instance.deadline == null || instance.completed) {
            throw new AssertionError("saga " + binding.name() + " instance " + key + " has no pending deadline");
        }
        now = instance.deadline;
        RecordingSagaContext context = new RecordingSagaContext(key, clock(), null);
        instance.state = binding.instance().onDeadline(instance.state, context);
        return record(key, instance, context);
    }

    private Step<S> record(String key, Instance<S> instance, RecordingSagaContext context) {
        for (Command command : context.sent) {
            if (!binding.sends().contains(command.getClass())) {
                throw new AssertionError("saga " + binding.name() + " sent " + command.getClass().getSimpleName()
                        + ", which its @Sends does not declare");
            }
        }
        instance.deadline = context.deadline;
        instance.completed |= context.completed;
        return new Step<>(key, instance, List.copyOf(context.sent));
    }

    private Clock clock() {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    private static final class Instance<S> {
        S state;
        Instant deadline;
        boolean completed;

        Instance(S state) {
            this.state = state;
        }
    }

    /**
     * What one saga step did, with assertions.
     *
     * @param <S> the state type
     */
    public static final class Step<S> {
        private final String key;
        private final Instance<S> instance;
        private final List<Command> sent;

        private Step(String key, Instance<S> instance, List<Command> sent) {
            this.key = key;
            this.instance = instance;
            this.sent = sent;
        }

        /** The commands this step sent. */
        public List<Command> sent() {
            return sent;
        }

        /** The instance's state after the step. */
        public S state() {
            return instance.state;
        }

        /** The instance's deadline after the step, or null. */
        public Instant deadline() {
            return instance.deadline;
        }

        /** Asserts the step sent exactly these commands, in order. */
        public Step<S> thenSends(Command... expected) {
            if (!sent.equals(List.of(expected))) {
                throw new AssertionError("saga instance " + key + ": expected to send " + List.of(expected)
                        + "\n but sent " + sent);
            }
            return this;
        }

        /** Asserts the instance's deadline is set to this instant. */
        public Step<S> thenDeadlineAt(Instant expected) {
            if (!Objects.equals(instance.deadline, expected)) {
                throw new AssertionError("saga instance " + key + ": expected deadline " + expected + " but was "
                        + instance.deadline);
            }
            return this;
        }

        /** Asserts the instance is complete. */
        public Step<S> thenCompleted() {
            if (!instance.completed) {
                throw new AssertionError("saga instance " + key + " is not complete; state " + instance.state);
            }
            return this;
        }
    }
}
