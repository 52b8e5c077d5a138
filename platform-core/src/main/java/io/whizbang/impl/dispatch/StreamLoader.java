package io.whizbang.impl.dispatch;

import io.vertx.core.Future;
import io.whizbang.handler.Aggregate;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.StreamId;

/**
 * Folds a stream's events into a receptor's state, page by page, starting from the cached state of the stream, else
 * from its newest usable snapshot, else from its first event.
 */
final class StreamLoader {
    private final Ledger ledger;
    private final EventRecords records;
    private final int pageSize;
    private final Snapshots snapshots;
    private final StateCache cache;

    StreamLoader(Ledger ledger, EventRecords records, int pageSize, Snapshots snapshots, StateCache cache) {
        this.ledger = ledger;
        this.records = records;
        this.pageSize = pageSize;
        this.snapshots = snapshots;
        this.cache = cache;
    }

    /** The state and version of a stream, folded up to the last event the ledger holds. */
    <S> Future<Loaded<S>> load(String tenant, StreamId stream, Aggregate<S> aggregate) {
        Loaded<S> cached = cache.get(aggregate.getClass(), tenant, stream);
        Future<Loaded<S>> start = cached != null ? Future.succeededFuture(cached)
                : snapshots.start(tenant, stream, aggregate.initial());
        return start.compose(from -> loadFrom(tenant, stream, aggregate, from.state(), from.version()))
                .onSuccess(loaded -> cache.put(aggregate.getClass(), tenant, stream, loaded));
    }

    /** Remembers the state a command's own events led to, so the next command on the stream starts there. */
    <S> void appended(String tenant, StreamId stream, Aggregate<S> aggregate, S state, long version) {
        cache.put(aggregate.getClass(), tenant, stream, new Loaded<>(state, version));
    }

    private <S> Future<Loaded<S>> loadFrom(String tenant, StreamId stream, Aggregate<S> aggregate, S state,
                                           long version) {
        return ledger.readStream(tenant, stream, version + 1, pageSize).compose(slice -> {
            S next = state;
            long reached = version;
            for (var recorded : slice.events()) {
                next = aggregate.evolve(next, records.payloadOf(recorded));
                reached = recorded.version();
            }
            if (slice.endOfStream() || slice.events().isEmpty()) {
                return Future.succeededFuture(new Loaded<>(next, reached));
            }
            return loadFrom(tenant, stream, aggregate, next, reached);
        });
    }

    /**
     * A stream's state and the version it was folded to.
     *
     * @param state   the state
     * @param version the version, 0 for no stream
     * @param <S>     the state type
     */
    record Loaded<S>(S state, long version) {
    }
}
