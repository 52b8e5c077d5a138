package io.whizbang.impl.projection;

import io.vertx.core.Future;
import io.whizbang.projection.DeadLetter;
import io.whizbang.projection.DeadLetterStore;
import io.whizbang.projection.spi.DeadLetterErrors;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dead letters in memory: the reference behaviour of the dead-letter store contract.
 */
public final class MemoryDeadLetterStore implements DeadLetterStore {
    private final Map<String, TreeMap<Long, DeadLetter>> letters = new ConcurrentHashMap<>();

    @Override
    public synchronized Future<Void> park(DeadLetter letter) {
        Objects.requireNonNull(letter, "letter");
        letters.computeIfAbsent(letter.perspective(), name -> new TreeMap<>()).put(letter.position(), letter);
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<List<DeadLetter>> list(String perspective) {
        TreeMap<Long, DeadLetter> of = letters.get(Objects.requireNonNull(perspective, "perspective"));
        return Future.succeededFuture(of == null ? List.of() : new ArrayList<>(of.values()));
    }

    @Override
    public synchronized Future<DeadLetter> resolve(String perspective, long position, DeadLetter.Status outcome,
                                                   Instant at) {
        TreeMap<Long, DeadLetter> of = letters.get(perspective);
        DeadLetter letter = of == null ? null : of.get(position);
        if (letter == null) {
            return Future.failedFuture(DeadLetterErrors.notFound(perspective, position));
        }
        if (!letter.isParked()) {
            return Future.failedFuture(DeadLetterErrors.resolved(letter));
        }
        DeadLetter resolved = letter.resolved(outcome, at);
        of.put(position, resolved);
        return Future.succeededFuture(resolved);
    }

    @Override
    public Future<Void> close() {
        return Future.succeededFuture();
    }
}
