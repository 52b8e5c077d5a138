package io.whizbang.control;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.whizbang.codec.Codecs;
import io.whizbang.codec.JsonCodec;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.dispatch.DispatcherVerticle;
import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.examples.orders.place.OrderPlaced;
import io.whizbang.handler.Perspective;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.LedgerEndpoint;
import io.whizbang.operations.ControlAgentVerticle;
import io.whizbang.operations.FeatureFlags;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.registry.PerspectiveBinding;
import io.whizbang.registry.Registry;
import io.whizbang.runtime.Projections;
import io.whizbang.runtime.ProjectionsEndpoint;
import io.whizbang.runtime.ProjectionsOptions;
import io.whizbang.runtime.RetryPolicy;
import io.whizbang.runtime.Sagas;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The sample on memory stores served on the event bus as the launcher serves it (dispatcher, ledger, projections
 * API), plus one perspective, {@value #POISON_WATCH}, that fails on every {@code OrderPlaced} while the feature flag
 * {@value #POISON_FLAG} is on: an operator turns the flag on, places an order, and finds a parked event to retry.
 */
final class DashboardBackend {
    static final String POISON_WATCH = "poison-watch";
    static final String POISON_FLAG = "poison";

    private final Ledger ledger;
    private final Projections projections;
    private final Sagas sagas;
    private final List<Runnable> closers;

    private DashboardBackend(Ledger ledger, Projections projections, Sagas sagas, List<Runnable> closers) {
        this.ledger = ledger;
        this.projections = projections;
        this.sagas = sagas;
        this.closers = closers;
    }

    /** A read model the poison watch never writes. */
    record Watched(String id) {
    }

    private static final JsonCodec<Watched> WATCHED_CODEC = new JsonCodec<>() {
        @Override
        public Class<Watched> javaType() {
            return Watched.class;
        }

        @Override
        public JsonObject encode(Watched value) {
            return new JsonObject().put("id", value.id());
        }

        @Override
        public Watched decode(JsonObject json) {
            return new Watched(json.getString("id"));
        }
    };

    static Future<DashboardBackend> start(Vertx vertx) {
        PerspectiveBinding<Watched> watch = new PerspectiveBinding<>(POISON_WATCH, Watched.class,
                new Perspective<>() { }, Set.of(OrderPlaced.class), (event, documents, context) -> {
                    if (FeatureFlags.of(vertx).isEnabled(POISON_FLAG)) {
                        throw new IllegalStateException("the poison flag is on");
                    }
                });
        Registry registry = SampleApplicationRegistry.create().with(new Registry("poison", Codecs.builder().add(WATCHED_CODEC).build(),
                List.of(), List.of(watch), List.of(), List.of(), "{}"));
        Ledger ledger = Ledger.memory(vertx);
        ProjectionStore store = ProjectionStore.memory();
        DispatcherOptions options = new DispatcherOptions();
        Dispatcher dispatcher = Dispatcher.create(vertx, registry, ledger, store, options);
        ProjectionsOptions projectionOptions = new ProjectionsOptions().setRetryPolicy(RetryPolicy.immediate(1));
        return vertx.deployVerticle(new DispatcherVerticle(dispatcher, options)).compose(id ->
                Projections.start(vertx, registry, ledger, store, projectionOptions).compose(projections ->
                        vertx.deployVerticle(new ControlAgentVerticle("projections", projections.rebuilder()))
                                .compose(agent -> ProjectionsEndpoint.serve(vertx, projections,
                                        DispatcherOptions.DEFAULT_ADDRESS_PREFIX))
                                .compose(projectionsEndpoint -> Sagas.start(vertx, registry, ledger, store,
                                        dispatcher, Clock.systemUTC()).compose(sagas ->
                                        LedgerEndpoint.serve(vertx, ledger, DispatcherOptions.DEFAULT_ADDRESS_PREFIX)
                                                .map(ledgerEndpoint -> new DashboardBackend(ledger, projections,
                                                        sagas, List.of(ledgerEndpoint::close,
                                                        projectionsEndpoint::close, sagas::stop,
                                                        projections::stop)))))));
    }

    Ledger ledger() {
        return ledger;
    }

    /** Completes when sagas and perspectives have handled everything up to the ledger's head. */
    Future<Void> settle() {
        return ledger.head().compose(head -> sagas.caughtUp(head)
                .compose(v -> ledger.head())
                .compose(after -> after > head ? settle() : projections.caughtUp(after)));
    }

    void stop() {
        closers.forEach(Runnable::run);
    }
}
