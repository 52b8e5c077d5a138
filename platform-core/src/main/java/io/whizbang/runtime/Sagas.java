package io.whizbang.runtime;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.impl.runtime.SagaRunner;
import io.whizbang.ledger.Ledger;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.registry.ReceptorBinding;
import io.whizbang.registry.Registry;
import io.whizbang.registry.SagaBinding;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs every saga of a registry in this JVM. A saga sends its commands as principal {@code saga:<name>} in the
 * event's tenant, holding only the scopes the receptors of its declared commands require.
 */
public final class Sagas {
    /** How often pending deadlines are checked against the clock. */
    public static final long DEADLINE_CHECK_MILLIS = 1000;

    private final Vertx vertx;
    private final List<SagaRunner<?>> runners;
    private final long timer;

    private Sagas(Vertx vertx, List<SagaRunner<?>> runners) {
        this.vertx = vertx;
        this.runners = List.copyOf(runners);
        this.timer = vertx.setPeriodic(DEADLINE_CHECK_MILLIS, id -> checkDeadlines());
    }

    /** Starts every saga of the registry, checking deadlines every second. */
    public static Future<Sagas> start(Vertx vertx, Registry registry, Ledger ledger, ProjectionStore store,
                                      Dispatcher dispatcher, Clock clock) {
        List<SagaRunner<?>> runners = new ArrayList<>();
        for (SagaBinding<?> binding : registry.sagas()) {
            runners.add(new SagaRunner<>(vertx, binding, ledger, store, dispatcher, clock,
                    scopesFor(registry, binding)));
        }
        return Future.all(runners.stream().map(SagaRunner::start).toList())
                .map(done -> new Sagas(vertx, runners));
    }

    private static Set<String> scopesFor(Registry registry, SagaBinding<?> saga) {
        Set<String> scopes = new HashSet<>();
        for (ReceptorBinding<?, ?> receptor : registry.receptors()) {
            if (saga.sends().contains(receptor.commandType()) && receptor.access().scope() != null) {
                scopes.add(receptor.access().scope());
            }
        }
        return scopes;
    }

    /** Completes when every saga has handled every event up to the global position. */
    public Future<Void> caughtUp(long position) {
        return Future.all(runners.stream().map(runner -> runner.caughtUp(position)).toList()).mapEmpty();
    }

    /** Fires every deadline the clock has passed. */
    public Future<Void> checkDeadlines() {
        return Future.all(runners.stream().map(SagaRunner::checkDeadlines).toList()).mapEmpty();
    }

    /** Stops every saga. */
    public Future<Void> stop() {
        vertx.cancelTimer(timer);
        return Future.all(runners.stream().map(SagaRunner::stop).toList()).mapEmpty();
    }
}
