package io.whizbang.examples;

import io.whizbang.testing.ManualClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.error.WhizbangException;
import io.whizbang.ledger.Ledger;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.registry.Registry;
import io.whizbang.runtime.Projections;
import io.whizbang.runtime.Sagas;

/**
 * The sample application running in this JVM on memory stores, as the end-to-end tests use it.
 */
public final class SampleRuntime {
    private final Ledger ledger;
    private final Dispatcher dispatcher;
    private final Projections projections;
    private final Sagas sagas;

    private SampleRuntime(Ledger ledger, Dispatcher dispatcher, Projections projections, Sagas sagas) {
        this.ledger = ledger;
        this.dispatcher = dispatcher;
        this.projections = projections;
        this.sagas = sagas;
    }

    /** Starts the registry's perspectives and sagas on fresh memory stores, timed by the clock. */
    public static Future<SampleRuntime> start(Vertx vertx, Registry registry, ManualClock clock) {
        Ledger ledger = Ledger.memory(vertx);
        ProjectionStore store = ProjectionStore.memory();
        Dispatcher dispatcher = Dispatcher.create(vertx, registry, ledger, store,
                new DispatcherOptions().setClock(clock));
        return Projections.start(vertx, registry, ledger, store).compose(projections ->
                Sagas.start(vertx, registry, ledger, store, dispatcher, clock)
                        .map(sagas -> new SampleRuntime(ledger, dispatcher, projections, sagas)));
    }

    /** The dispatcher. */
    public Dispatcher dispatcher() {
        return dispatcher;
    }

    /** The ledger. */
    public Ledger ledger() {
        return ledger;
    }

    /** The sagas. */
    public Sagas sagas() {
        return sagas;
    }

    /**
     * Completes when nothing is left to do: sagas and perspectives have handled every event, and the commands the
     * sagas sent appended nothing new.
     */
    public Future<Void> settle() {
        return ledger.head().compose(head -> sagas.caughtUp(head)
                .compose(v -> projections.caughtUp(head))
                .compose(v -> ledger.head())
                .compose(after -> after == head ? Future.<Void>succeededFuture() : settle()));
    }

    /** Fires the deadlines the clock has passed, then settles. */
    public Future<Void> fireDeadlines() {
        return sagas.checkDeadlines().compose(v -> settle());
    }

    /** Stops the sagas and perspectives. */
    public Future<Void> stop() {
        return sagas.stop().compose(v -> projections.stop());
    }

    /** The error a future failed with; fails itself when the future succeeded. */
    public static Future<WhizbangException> failureOf(Future<?> future) {
        return future.transform(outcome -> outcome.succeeded()
                ? Future.failedFuture(new AssertionError("expected a failure, but got " + outcome.result()))
                : Future.succeededFuture(WhizbangException.wrap(outcome.cause())));
    }
}
