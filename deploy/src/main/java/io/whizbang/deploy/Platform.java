package io.whizbang.deploy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.dispatch.DispatcherVerticle;
import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.ledger.LedgerEndpoint;
import io.whizbang.operations.ControlAgentVerticle;
import io.whizbang.registry.PerspectiveBinding;
import io.whizbang.registry.Registry;
import io.whizbang.registry.SagaBinding;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.projections.ProjectionVerticle;
import io.whizbang.projections.postgres.PostgresProjectionStore;
import io.whizbang.runtime.Projections;
import io.whizbang.runtime.ProjectionsOptions;
import io.whizbang.runtime.Sagas;
import io.whizbang.security.DevelopmentKey;
import io.whizbang.security.TokenVerifierOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The services of one launcher process, wired on one Vert.x instance: the store, the dispatcher on the event bus,
 * the ledger on the event bus, the sagas, the perspectives of an application, the gateways and the control plane.
 *
 * <p>{@link #start} starts what the options select and {@link #stop} stops it again, so tests run the whole
 * platform in-process. The gateways and the control plane verify bearer tokens with the development key of the data
 * directory.
 */
public final class Platform {
    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

    private final Vertx vertx;
    private final Registry registry;
    private final RunOptions options;
    private Storage storage;
    private String dispatcherDeployment;
    private LedgerEndpoint ledgerEndpoint;
    private KafkaTransport kafka;
    private Listeners listeners;
    private ClusterSingleton<ProjectionVerticle> projections;
    private ClusterSingleton<Sagas> sagas;
    private final Map<ProjectionVerticle, String> projectionDeployments = new ConcurrentHashMap<>();
    private final Map<ProjectionVerticle, String> projectionAgents = new ConcurrentHashMap<>();
    private final List<String> agentDeployments = new ArrayList<>();
    private Future<Void> stopping;

    private Platform(Vertx vertx, Registry registry, RunOptions options) {
        this.vertx = vertx;
        this.registry = registry;
        this.options = options;
    }

    /** Starts the sample application with the options on a new Vert.x instance. */
    public static Future<Platform> start(RunOptions options) {
        return start(SampleApplicationRegistry.create(), options);
    }

    /**
     * Starts an application with the options on a new Vert.x instance.
     *
     * <p>Fails, with everything it started stopped again, when a service cannot start; fails with an
     * {@link UnsupportedOperationException} when this build has no driver for the store.
     */
    public static Future<Platform> start(Registry registry, RunOptions options) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(options, "options");
        try {
            options.requireSharedStoreInCluster();
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        // Not bound to a context: a failed start closes Vert.x, which then runs no callback on its own contexts.
        Promise<Platform> started = Promise.promise();
        Cluster.vertx(options).onComplete(created -> {
            if (created.failed()) {
                started.fail(new IllegalStateException("could not join the cluster: "
                        + created.cause().getMessage(), created.cause()));
                return;
            }
            Platform platform = new Platform(created.result(), registry, options);
            platform.startServices().onComplete(done -> {
                if (done.succeeded()) {
                    started.complete(platform);
                } else {
                    platform.stopAfterFailedStart(done.cause(), started);
                }
            });
        });
        return started.future();
    }

    /**
     * Stops what a failed start started, then fails the start with its cause. The stop runs on a thread of its own,
     * since Vert.x cannot report its own close to one of its event loops, where the failure arrived.
     */
    private void stopAfterFailedStart(Throwable failure, Promise<Platform> started) {
        Thread stopper = new Thread(() -> stop().onComplete(stopped -> started.fail(failure)),
                "whizbang-failed-start");
        stopper.setDaemon(true);
        stopper.start();
    }

    private Future<Void> startServices() {
        boolean storeUsed = options.runs(Service.LEDGER) || options.runs(Service.PROJECTIONS);
        return (storeUsed ? Storage.open(vertx, options.getStore()) : Future.<Storage>succeededFuture())
                .compose(opened -> {
                    storage = opened;
                    return options.runs(Service.LEDGER) ? startLedger() : Future.succeededFuture();
                })
                .compose(done -> options.runs(Service.PROJECTIONS) ? startProjections() : Future.succeededFuture())
                .compose(done -> startListeners())
                .onSuccess(done -> LOG.info("started {} on the {} store", running(), options.getStore().scheme()));
    }

    private Future<Void> startLedger() {
        DispatcherOptions dispatcherOptions = options.getDispatcherOptions();
        // lenses read each perspective's active generation, which a rebuild may change
        ProjectionStore lensStore = Projections.lensStore(vertx, storage.projections(),
                dispatcherOptions.getAddressPrefix());
        Dispatcher dispatcher = Dispatcher.create(vertx, registry, storage.ledger(), lensStore, dispatcherOptions);
        return vertx.deployVerticle(new DispatcherVerticle(dispatcher, dispatcherOptions))
                .compose(id -> {
                    dispatcherDeployment = id;
                    sagas = new ClusterSingleton<>(vertx, "sagas", new ClusterSingleton.Service<>() {
                        @Override
                        public Future<Sagas> start() {
                            // the dispatcher's clock, so a test that moves time moves the sagas' deadlines too
                            return Sagas.start(vertx, registry, storage.ledger(), storage.projections(), dispatcher,
                                    dispatcherOptions.getClock());
                        }

                        @Override
                        public Future<Void> stop(Sagas running) {
                            return running.stop();
                        }
                    });
                    return sagas.start();
                })
                .compose(started -> options.isSeed() ? DemoStock.seed(vertx, dispatcher, dispatcherOptions.getClock())
                        : Future.succeededFuture())
                .compose(seeded -> {
                    if (options.getKafka() == null) {
                        return Future.succeededFuture();
                    }
                    kafka = new KafkaTransport(vertx, storage, options, registry, lensStore);
                    return kafka.start();
                })
                .compose(kafkaStarted -> LedgerEndpoint.serve(vertx, storage.ledger(),
                        dispatcherOptions.getAddressPrefix()))
                .map(endpoint -> {
                    ledgerEndpoint = endpoint;
                    return null;
                });
    }

    private Future<Void> startListeners() {
        TokenVerifierOptions tokens;
        try {
            tokens = TokenVerifierOptions.development(DevelopmentKey.loadOrCreate(options.getDataDir()));
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        listeners = new Listeners(vertx, options, tokens);
        return listeners.start().compose(done -> startAgents());
    }

    /**
     * Deploys the control agent of every service running here but the perspectives, whose agent comes and goes
     * with them, so that the control plane's broadcast commands reach each one.
     */
    private Future<Void> startAgents() {
        Future<Void> chain = Future.succeededFuture();
        for (Service service : Service.values()) {
            if (service != Service.PROJECTIONS && options.runs(service)) {
                chain = chain.compose(done -> vertx.deployVerticle(new ControlAgentVerticle(service.id()))
                        .map(id -> {
                            agentDeployments.add(id);
                            return null;
                        }));
            }
        }
        return chain;
    }

    private Future<Void> startProjections() {
        ProjectionsOptions projectionsOptions = new ProjectionsOptions()
                .setAddressPrefix(options.getDispatcherOptions().getAddressPrefix());
        if (storage.projections() instanceof PostgresProjectionStore postgres) {
            projectionsOptions.setDeadLetters(postgres.deadLetters());
        }
        projections = new ClusterSingleton<>(vertx, "projections", new ClusterSingleton.Service<>() {
            @Override
            public Future<ProjectionVerticle> start() {
                ProjectionVerticle verticle = new ProjectionVerticle(registry, storage.ledger(),
                        storage.projections(), projectionsOptions);
                return vertx.deployVerticle(verticle)
                        .compose(id -> {
                            projectionDeployments.put(verticle, id);
                            return vertx.deployVerticle(new ControlAgentVerticle(Service.PROJECTIONS.id(),
                                    verticle.projections().rebuilder()));
                        })
                        .map(agent -> {
                            projectionAgents.put(verticle, agent);
                            return verticle;
                        });
            }

            @Override
            public Future<Void> stop(ProjectionVerticle running) {
                String agent = projectionAgents.remove(running);
                String id = projectionDeployments.remove(running);
                return (agent == null ? Future.<Void>succeededFuture() : vertx.undeploy(agent))
                        .compose(done -> id == null ? Future.succeededFuture() : vertx.undeploy(id));
            }
        });
        return projections.start();
    }

    private String running() {
        List<String> running = new ArrayList<>();
        if (servesDispatcher()) {
            running.add(Service.LEDGER.id());
        }
        if (projections != null) {
            running.add(Service.PROJECTIONS.id() + (projections.running() == null ? " (standing by)" : ""));
        }
        for (Service service : Service.values()) {
            if (port(service) >= 0) {
                running.add(service.id() + " on port " + port(service));
            }
        }
        return running.isEmpty() ? "no services" : String.join(", ", running);
    }

    /**
     * Completes with the ledger's head once every saga and perspective running here has handled every event up to
     * it, those appended by the sagas' own commands meanwhile included; a test's way to tell that what a start set
     * off has settled.
     */
    Future<Long> settled() {
        return storage.ledger().head().compose(head -> Future.all(
                        runningSagas() == null ? Future.succeededFuture() : runningSagas().caughtUp(head),
                        runningProjections() == null ? Future.succeededFuture()
                                : runningProjections().projections().caughtUp(head))
                .compose(done -> storage.ledger().head())
                .compose(now -> now.equals(head) ? Future.succeededFuture(head) : settled()));
    }

    /** The Vert.x instance the services run on; its event bus carries the dispatcher's addresses. */
    public Vertx vertx() {
        return vertx;
    }

    /** The application whose handlers run here. */
    public Registry registry() {
        return registry;
    }

    /** The options the platform started with. */
    public RunOptions options() {
        return options;
    }

    private Sagas runningSagas() {
        return sagas == null ? null : sagas.running();
    }

    private ProjectionVerticle runningProjections() {
        return projections == null ? null : projections.running();
    }

    /** The names of the perspectives running here; none when the projections service is not selected. */
    public List<String> perspectives() {
        return runningProjections() == null ? List.of()
                : registry.perspectives().stream().map(PerspectiveBinding::name).toList();
    }

    /** The names of the sagas running here; none when the ledger service is not selected. */
    public List<String> sagas() {
        return runningSagas() == null ? List.of() : registry.sagas().stream().map(SagaBinding::name).toList();
    }

    /** The port a gateway or the control plane listens on, or -1 when it does not run here. */
    public int port(Service service) {
        return listeners == null ? -1 : listeners.port(service);
    }

    /** Whether the dispatcher serves commands and queries on the event bus. */
    public boolean servesDispatcher() {
        return dispatcherDeployment != null;
    }

    /**
     * Stops every service, closes the store and then Vert.x.
     *
     * <p>Every step runs even when an earlier one fails; the first failure is the result. Calling it again returns
     * the same future.
     */
    public synchronized Future<Void> stop() {
        if (stopping == null) {
            Future<Void> steps = step(Future.succeededFuture(), "control agents", () -> Future.all(
                    agentDeployments.stream().map(vertx::undeploy).toList()).mapEmpty());
            steps = step(steps, "gateways and control plane", listeners == null ? null : listeners::stop);
            steps = step(steps, "Kafka transport", kafka == null ? null : kafka::stop);
            steps = step(steps, "sagas", sagas == null ? null : sagas::stop);
            steps = step(steps, "perspectives", projections == null ? null : projections::stop);
            steps = step(steps, "ledger endpoint", ledgerEndpoint == null ? null : ledgerEndpoint::close);
            steps = step(steps, "dispatcher",
                    dispatcherDeployment == null ? null : () -> vertx.undeploy(dispatcherDeployment));
            steps = step(steps, "store", storage == null ? null : storage::close);
            stopping = step(steps, "Vert.x", vertx::close).onSuccess(done -> LOG.info("stopped"));
        }
        return stopping;
    }

    private static Future<Void> step(Future<Void> before, String what, Supplier<Future<Void>> action) {
        if (action == null) {
            return before;
        }
        return before.transform(previous -> {
            Future<Void> result;
            try {
                result = action.get();
            } catch (RuntimeException e) {
                result = Future.failedFuture(e);
            }
            return result.transform(current -> {
                if (current.failed()) {
                    LOG.warn("stopping the {} failed: {}", what, current.cause().toString());
                }
                Throwable first = previous.failed() ? previous.cause() : current.cause();
                return first == null ? Future.<Void>succeededFuture() : Future.<Void>failedFuture(first);
            });
        });
    }
}
