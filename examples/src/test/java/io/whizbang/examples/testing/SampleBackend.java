package io.whizbang.examples.testing;

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
 * The sample application's back end on the memory stores, served on the event bus exactly as the launcher serves
 * it (dispatcher at {@code whizbang.commands} / {@code whizbang.queries}, the ledger at {@code whizbang.ledger.*}),
 * for gateway tests that must reach it only through the bus.
 */
public final class SampleBackend {
    private final Registry registry;
    private final Ledger ledger;
    private final Projections projections;
    private final Sagas sagas;
    private final LedgerEndpoint endpoint;
    private final String deployment;
    private final Vertx vertx;

    private SampleBackend(Vertx vertx, Registry registry, Ledger ledger, Projections projections, Sagas sagas,
                          LedgerEndpoint endpoint, String deployment) {
        this.vertx = vertx;
        this.registry = registry;
        this.ledger = ledger;
        this.projections = projections;
        this.sagas = sagas;
        this.endpoint = endpoint;
        this.deployment = deployment;
    }

    /** Starts the back end on the default addresses. */
    public static Future<SampleBackend> start(Vertx vertx) {
        Registry registry = SampleApplicationRegistry.create();
        Ledger ledger = Ledger.memory(vertx);
        ProjectionStore store = ProjectionStore.memory();
        DispatcherOptions options = new DispatcherOptions();
        Dispatcher dispatcher = Dispatcher.create(vertx, registry, ledger, store, options);
        return vertx.deployVerticle(new DispatcherVerticle(dispatcher, options)).compose(id ->
                Projections.start(vertx, registry, ledger, store).compose(projections ->
                        Sagas.start(vertx, registry, ledger, store, dispatcher, Clock.systemUTC()).compose(sagas ->
                                LedgerEndpoint.serve(vertx, ledger, DispatcherOptions.DEFAULT_ADDRESS_PREFIX)
                                        .map(endpoint -> new SampleBackend(vertx, registry, ledger, projections,
                                                sagas, endpoint, id)))));
    }

    /** The sample's registry (its codecs encode what gateways send). */
    public Registry registry() {
        return registry;
    }

    /** The ledger behind the bus, for asserting that bad input wrote nothing. */
    public Ledger ledger() {
        return ledger;
    }

    /**
     * Completes when sagas and perspectives have handled everything up to the ledger's head, including what the
     * sagas' own commands appended meanwhile.
     */
    public Future<Void> settle() {
        return ledger.head().compose(head -> sagas.caughtUp(head)
                .compose(v -> ledger.head())
                .compose(after -> after > head ? settle() : projections.caughtUp(after)));
    }

    /** Stops everything it started. */
    public Future<Void> stop() {
        return endpoint.close().compose(v -> sagas.stop()).compose(v -> projections.stop())
                .compose(v -> vertx.undeploy(deployment));
    }
}
