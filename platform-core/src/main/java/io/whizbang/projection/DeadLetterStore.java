package io.whizbang.projection;

import io.vertx.core.Future;
import io.whizbang.impl.projection.MemoryDeadLetterStore;

import java.time.Instant;
import java.util.List;

/**
 * Where perspectives park the events they could not handle after their retries, one letter per perspective and
 * global position, until an operator retries or skips them.
 *
 * <p>A storage driver implements this interface and passes the {@code DeadLetterStoreContractTest} suite. It is
 * separate from {@link ProjectionStore} so that a projection store driver need not keep dead letters; a driver that
 * does usually keeps them in the same database.
 */
public interface DeadLetterStore {
    /** A dead-letter store held in memory. */
    static DeadLetterStore memory() {
        return new MemoryDeadLetterStore();
    }

    /**
     * Parks a letter; a letter already stored for the same perspective and position is replaced, so parking the
     * same event again after a crash or a rebuild keeps one letter (parked again, with the newer error).
     */
    Future<Void> park(DeadLetter letter);

    /** Every letter of a perspective, parked and resolved, in position order. */
    Future<List<DeadLetter>> list(String perspective);

    /**
     * Marks the parked letter at the position retried or skipped and returns it resolved; {@code NOT_FOUND} when
     * the perspective has no letter there and {@code CONFLICT} when the letter is already resolved.
     */
    Future<DeadLetter> resolve(String perspective, long position, DeadLetter.Status outcome, Instant at);

    /** Releases the driver's resources. */
    Future<Void> close();
}
