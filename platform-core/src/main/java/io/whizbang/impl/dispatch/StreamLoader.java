package io.whizbang.impl.dispatch;

import io.vertx.core.Future;
import io.whizbang.handler.Aggregate;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.StreamId;

/**
 * Folds a stream's events into a receptor's state, page by page, starting from a snapshot when one is usable.
 */
final class StreamLoader {
    private final Ledger ledger;
    private final EventRecords records;
    private final int pageSize;
    private final Snapshots snapshots;

    StreamLoader(Ledger ledger, EventRecords records, int pageSize, Snapshots snapshots) {
        this.ledger = ledger;
        this.records = records;
        this.pageSize = pageSize;
        this.snapshots = snapshots;
    }

    /** The state and version of a stream: from its newest usable snapshot, else from its first event. */
    <S> Future<Loaded<S>> load(String tenant, StreamId stream, Aggregate<S> aggregate) {
        return snapshots.start(tenant, stream, aggregate.initial())
                .compose(start -> loadFrom(tenant, stream, aggregate, start.state(), start.version()));
    }

    private <S> Future<Loaded<S>> loadFrom(String tenant, StreamId stream, Aggregate<S> aggregate, S state,
                                           long version) {
        return ledger.readStream(tenant, stream, version + 1, pageSize).compose(slice -> {
            S next = state;
            long reached = version;
            for (var recorded : slice.events()) {
                next = aggregate.evolve(next, records.toEnvelope(recorded).payload());
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
