package io.whizbang.handler;

import io.whizbang.error.ErrorCode;
import io.whizbang.message.Event;

import java.util.List;
import java.util.Objects;

/**
 * What a receptor decided: the events to append, or a rejection with its code and reason.
 */
public sealed interface Decision {
    /** Accept the command; the events are appended atomically, possibly none. */
    static Decision accept(Event... events) {
        return new Accepted(List.of(events));
    }

    /** Accept the command with a list of events. */
    static Decision accept(List<? extends Event> events) {
        return new Accepted(List.copyOf(events));
    }

    /** Reject the command because of the state of the data ({@code CONFLICT}). */
    static Decision reject(String reason) {
        return new Rejected(ErrorCode.CONFLICT, reason);
    }

    /** Reject the command with a specific code, such as {@code INVALID_ARGUMENT} or {@code NOT_FOUND}. */
    static Decision reject(ErrorCode code, String reason) {
        return new Rejected(code, reason);
    }

    /**
     * An accepted command and the events it produced.
     *
     * @param events the events, in order
     */
    record Accepted(List<Event> events) implements Decision {
        public Accepted {
            events = List.copyOf(Objects.requireNonNull(events, "events"));
        }
    }

    /**
     * A rejected command.
     *
     * @param code   the code callers see
     * @param reason what rule the command broke, with the ids involved
     */
    record Rejected(ErrorCode code, String reason) implements Decision {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
