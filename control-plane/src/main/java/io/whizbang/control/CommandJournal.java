package io.whizbang.control;

import io.whizbang.metrics.CommandHandled;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The newest commands the dispatcher handled in this JVM, with their envelope ids, for the message journeys: the
 * ledger records events, this records the commands between them (and the refused ones, which left no event).
 * Thread-safe; the oldest entries go first once it is full.
 */
final class CommandJournal {
    private final int capacity;
    private final Deque<CommandHandled> entries = new ArrayDeque<>();

    CommandJournal(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(CommandHandled handled) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(handled);
    }

    /** The commands of a journey, oldest first. */
    List<CommandHandled> ofCorrelation(UUID correlationId) {
        return matching(handled -> handled.correlationId().equals(correlationId));
    }

    /** The commands that match, oldest first. */
    synchronized List<CommandHandled> matching(Predicate<CommandHandled> predicate) {
        List<CommandHandled> found = new ArrayList<>();
        for (CommandHandled handled : entries) {
            if (predicate.test(handled)) {
                found.add(handled);
            }
        }
        return found;
    }
}
