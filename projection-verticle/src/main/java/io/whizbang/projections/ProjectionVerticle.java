package io.whizbang.projections;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.whizbang.ledger.Ledger;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.projections.sqlite.SqliteProjectionStore;
import io.whizbang.registry.Registry;
import io.whizbang.runtime.Projections;
import io.whizbang.runtime.ProjectionsEndpoint;
import io.whizbang.runtime.ProjectionsOptions;

import java.util.Objects;

/**
 * Runs every perspective of a registry: each reads the ledger from its checkpoint, catch-up then live, and commits
 * its documents with its checkpoint to the projection store; serves their control API (health, rebuild, dead
 * letters, read-your-writes) on the event bus at the options' {@code ProjectionsAddresses}. Undeploying stops them
 * after the batch in hand.
 *
 * <p>Dead letters go to the options' store; when none is set and the projection store is the SQLite one, they are
 * kept in its file. The ledger and the store belong to whoever deployed the verticle; it closes neither.
 */
public final class ProjectionVerticle extends VerticleBase {
    private final Registry registry;
    private final Ledger ledger;
    private final ProjectionStore store;
    private final ProjectionsOptions options;
    private Projections projections;
    private ProjectionsEndpoint endpoint;

    public ProjectionVerticle(Registry registry, Ledger ledger, ProjectionStore store) {
        this(registry, ledger, store, new ProjectionsOptions());
    }

    public ProjectionVerticle(Registry registry, Ledger ledger, ProjectionStore store, ProjectionsOptions options) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.store = Objects.requireNonNull(store, "store");
        this.options = new ProjectionsOptions(Objects.requireNonNull(options, "options").toJson())
                .setClock(options.getClock());
        if (options.getDeadLetters() != null) {
            this.options.setDeadLetters(options.getDeadLetters());
        } else if (store instanceof SqliteProjectionStore sqlite) {
            this.options.setDeadLetters(sqlite.deadLetters());
        }
    }

    @Override
    public Future<?> start() {
        return Projections.start(vertx, registry, ledger, store, options)
                .compose(started -> {
                    projections = started;
                    return ProjectionsEndpoint.serve(vertx, started, options.getAddressPrefix());
                })
                .onSuccess(served -> endpoint = served);
    }

    @Override
    public Future<?> stop() {
        Future<Void> closed = endpoint == null ? Future.succeededFuture() : endpoint.close();
        return closed.compose(done -> projections == null ? Future.succeededFuture() : projections.stop());
    }

    /** The running perspectives, to await a position or show their state; available once started. */
    public Projections projections() {
        if (projections == null) {
            throw new IllegalStateException("the projection verticle of " + registry.name() + " is not started");
        }
        return projections;
    }
}
