package io.whizbang.benchmarks.mobile;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.dispatch.DispatcherVerticle;
import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.LedgerEndpoint;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.registry.Registry;
import io.whizbang.runtime.Projections;
import io.whizbang.runtime.Sagas;

import java.time.Clock;

/**
 * The sample application's back end on the memory ledger and projection store, served on the event bus as the
 * launcher serves it (dispatcher, perspectives, sagas, ledger endpoint): what the gateway reaches in the benchmark.
 *
 * <p>Perspectives and sagas can be stopped once the order the read benchmark reads is projected, so that the measured
 * phases run the dispatcher and the memory ledger only, as the gRPC benchmark does.
 */
final class MemoryBackend {
    private final Projections projections;
    private final Sagas sagas;

    private MemoryBackend(Projections projections, Sagas sagas) {
        this.projections = projections;
        this.sagas = sagas;
    }

    /** Starts it on the default addresses. */
    static Future<MemoryBackend> start(Vertx vertx) {
        Registry registry = SampleApplicationRegistry.create();
        Ledger ledger = Ledger.memory(vertx);
        ProjectionStore store = ProjectionStore.memory();
        DispatcherOptions options = new DispatcherOptions();
        Dispatcher dispatcher = Dispatcher.create(vertx, registry, ledger, store, options);
        return vertx.deployVerticle(new DispatcherVerticle(dispatcher, options))
                .compose(id -> Projections.start(vertx, registry, ledger, store))
                .compose(projections -> Sagas.start(vertx, registry, ledger, store, dispatcher, Clock.systemUTC())
                        .compose(sagas -> LedgerEndpoint.serve(vertx, ledger, DispatcherOptions.DEFAULT_ADDRESS_PREFIX)
                                .map(endpoint -> new MemoryBackend(projections, sagas))));
    }

    /** Stops the perspectives and the sagas; the dispatcher, lenses and ledger keep serving. */
    Future<Void> stopProcessors() {
        return sagas.stop().compose(v -> projections.stop());
    }
}
