package io.whizbang.projections.replay;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.whizbang.error.TransientException;
import io.whizbang.projection.Document;
import io.whizbang.projection.DocumentKey;
import io.whizbang.projection.DocumentQuery;
import io.whizbang.projection.Page;
import io.whizbang.projection.ProjectionCommit;
import io.whizbang.projection.ProjectionStore;

import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A store whose process dies at a chosen moment of the k-th batch: the real store is killed (its connections cut or
 * closed) and from then on every call fails, as it would for a perspective whose node is gone.
 */
final class CrashingStore implements ProjectionStore {
    /** Where in the batch the process dies. */
    enum Moment {
        /**
         * While the batch loads the documents it changes; at its commit, before anything is sent, when the runner
         * kept every document it changes and it loads nothing.
         */
        LOAD,
        /** After the batch was handled, before its commit reaches the store. */
        BEFORE_COMMIT,
        /** While the commit is on its way: it may or may not land. */
        DURING_COMMIT,
        /** After the store committed, before the perspective heard of it. */
        AFTER_COMMIT
    }

    private final ProjectionStore real;
    private final int batch;
    private final Moment moment;
    private final Supplier<Future<Void>> kill;
    private final Promise<Void> crashed = Promise.promise();
    private int loads;
    private int commits;

    /**
     * @param real   the store that dies
     * @param batch  the batch that does not survive, from 1
     * @param moment when in that batch
     * @param kill   kills the real store abruptly; completes once nothing of it runs any more
     */
    CrashingStore(ProjectionStore real, int batch, Moment moment, Supplier<Future<Void>> kill) {
        this.real = real;
        this.batch = batch;
        this.moment = moment;
        this.kill = kill;
    }

    /** Completes when the process has died and the real store is gone. */
    Future<Void> crashed() {
        return crashed.future();
    }

    @Override
    public synchronized Future<Map<DocumentKey, Document>> load(Collection<DocumentKey> keys) {
        if (dead()) {
            return gone();
        }
        // a batch loads before it commits, so the k-th commit's load is the one after k-1 commits
        if (moment == Moment.LOAD && commits == batch - 1 && ++loads == 1) {
            return die(Future.succeededFuture());
        }
        return real.load(keys);
    }

    @Override
    public Future<Page<Document>> query(String tenant, String collection, DocumentQuery query) {
        return dead() ? gone() : real.query(tenant, collection, query);
    }

    @Override
    public synchronized Future<Void> commit(ProjectionCommit commit) {
        if (dead()) {
            return gone();
        }
        if (moment == Moment.LOAD && commits == batch - 1) {
            // a load would have killed it already: this batch loaded nothing
            loads++;
            return die(Future.succeededFuture());
        }
        if (++commits != batch || moment == Moment.LOAD) {
            return real.commit(commit);
        }
        return switch (moment) {
            case BEFORE_COMMIT -> die(Future.succeededFuture());
            case DURING_COMMIT -> {
                Future<Void> inFlight = real.commit(commit);
                yield die(inFlight);
            }
            case AFTER_COMMIT -> real.commit(commit).transform(done -> die(Future.succeededFuture()));
            default -> throw new IllegalStateException(moment.name());
        };
    }

    /** Kills the real store once {@code before} has been started (not finished), then fails the call. */
    private <T> Future<T> die(Future<?> before) {
        kill.get().onComplete(killed -> {
            // whatever was in flight has settled one way or the other by now
            before.onComplete(settled -> crashed.tryComplete());
        });
        return gone();
    }

    private boolean dead() {
        return crashed.future().isComplete() || commits >= batch && moment != Moment.LOAD
                || moment == Moment.LOAD && loads > 0;
    }

    private static <T> Future<T> gone() {
        return Future.failedFuture(TransientException.unavailable("the crashed node's projection store", null));
    }

    @Override
    public Future<Long> checkpoint(String projection) {
        return dead() ? gone() : real.checkpoint(projection);
    }

    @Override
    public Future<Void> close() {
        return Future.succeededFuture();
    }
}
