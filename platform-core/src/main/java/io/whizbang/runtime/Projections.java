package io.whizbang.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.impl.runtime.PerspectiveRunner;
import io.whizbang.ledger.Ledger;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.registry.PerspectiveBinding;
import io.whizbang.registry.Registry;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every perspective of a registry in this JVM: each from its checkpoint, catch-up then live, committing its
 * documents and checkpoint together.
 */
public final class Projections {
    /** Default number of events a perspective handles per transaction. */
    public static final int DEFAULT_BATCH_SIZE = 500;

    private final List<PerspectiveRunner<?>> runners;

    private Projections(List<PerspectiveRunner<?>> runners) {
        this.runners = List.copyOf(runners);
    }

    /** Starts every perspective of the registry. */
    public static Future<Projections> start(Vertx vertx, Registry registry, Ledger ledger, ProjectionStore store) {
        List<PerspectiveRunner<?>> runners = new ArrayList<>();
        for (PerspectiveBinding<?> binding : registry.perspectives()) {
            runners.add(new PerspectiveRunner<>(vertx, binding, ledger, store, registry.codecs(),
                    DEFAULT_BATCH_SIZE));
        }
        return Future.all(runners.stream().map(PerspectiveRunner::start).toList())
                .map(done -> new Projections(runners));
    }

    /** Completes when every perspective has committed every event up to the global position. */
    public Future<Void> caughtUp(long position) {
        return Future.all(runners.stream().map(runner -> runner.caughtUp(position)).toList()).mapEmpty();
    }

    /** Where each perspective stands, for status displays and health. */
    public List<PerspectiveStatus> statuses() {
        return runners.stream().map(runner -> new PerspectiveStatus(runner.name(), runner.position(),
                runner.failure() == null ? null : String.valueOf(runner.failure().getMessage()))).toList();
    }

    /** Stops every perspective. */
    public Future<Void> stop() {
        return Future.all(runners.stream().map(PerspectiveRunner::stop).toList()).mapEmpty();
    }
}
