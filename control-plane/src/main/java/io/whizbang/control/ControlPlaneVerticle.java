package io.whizbang.control;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.micrometer.backends.BackendRegistries;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.PermanentException;
import io.whizbang.health.HealthRoutes;
import io.whizbang.health.ReadinessProbe;
import io.whizbang.http.CorrelationIds;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.LedgerClient;
import io.whizbang.metrics.WhizbangMeters;
import io.whizbang.operations.ControlAddresses;
import io.whizbang.operations.ControlAgent;
import io.whizbang.operations.ControlKind;
import io.whizbang.runtime.ProjectionsClient;
import io.whizbang.security.TokenVerifier;

import java.util.Objects;
import java.util.logging.Logger;

/**
 * The control plane on its port ({@code 8088} by default): control commands broadcast to every service's
 * {@link ControlAgent} under {@code /api/control/...} (administrators only, every command audited), the dashboard at
 * {@code /} with its data, {@code /metrics} in the Prometheus format, {@code /health} and {@code /ready}.
 *
 * <p>It reaches the ledger, the dispatcher and the projections only over the event bus. When no other
 * {@link WhizbangMeters} are installed on its Vert.x instance it installs its own, so the dispatcher's commands,
 * queries and appends in this JVM are measured and journaled for the dashboard. It runs an agent of its own (service
 * {@code control-plane}).
 */
public final class ControlPlaneVerticle extends VerticleBase {
    /** How often the gauges are refreshed and the dashboard's live feed is pushed. */
    static final long LIVE_PERIOD_MILLIS = 1000;
    private static final Logger LOG = Logger.getLogger(ControlPlaneVerticle.class.getName());

    private final ControlPlaneOptions options;
    private final TokenVerifier givenVerifier;
    private HttpServer server;
    private Ledger ledger;
    private Roster roster;
    private ControlAgent agent;
    private long liveTimer = -1;

    /**
     * A control plane verifying tokens with the options' {@link ControlPlaneOptions#getTokens()}; without them it
     * starts, but refuses every {@code /api/control} request as {@code UNAUTHENTICATED}.
     */
    public ControlPlaneVerticle(ControlPlaneOptions options) {
        this(options, null);
    }

    /** A control plane verifying tokens with the given verifier. */
    public ControlPlaneVerticle(ControlPlaneOptions options, TokenVerifier verifier) {
        this.options = Objects.requireNonNull(options, "options");
        this.givenVerifier = verifier;
    }

    @Override
    public Future<?> start() {
        AdminGuard.Verifier verifier;
        if (givenVerifier != null) {
            verifier = givenVerifier::verifyHeader;
        } else if (options.getTokens() != null) {
            verifier = TokenVerifier.create(vertx, options.getTokens())::verifyHeader;
        } else {
            LOG.warning("the control plane has no token verification (ControlPlaneOptions.setTokens or a "
                    + "TokenVerifier): every /api/control request is refused");
            verifier = header -> Future.failedFuture(new PermanentException(ErrorCode.UNAUTHENTICATED,
                    "the control plane has no token verification configured", null));
        }
        String prefix = options.getAddressPrefix();
        ControlAddresses addresses = new ControlAddresses(prefix);
        DispatcherOptions dispatcher = new DispatcherOptions().setAddressPrefix(prefix);
        PrometheusMeterRegistry registry = registry();
        CommandJournal journal = new CommandJournal(options.getJournalSize());
        MicrometerMeters meters = new MicrometerMeters(registry, journal);
        if (WhizbangMeters.of(vertx) == WhizbangMeters.NONE) {
            WhizbangMeters.install(vertx, meters);
        }
        ledger = LedgerClient.create(vertx, prefix);
        ProjectionsClient projections = ProjectionsClient.create(vertx, prefix);
        roster = new Roster();
        Gauges gauges = new Gauges(registry, ledger, projections);
        LiveFeed live = new LiveFeed(vertx, meters, gauges);
        FlowMap flowMap = new FlowMap(vertx, dispatcher.flowMapAddress(), options.getFlowMapResource());
        LedgerScan scan = new LedgerScan(ledger, options.getScanLimit());
        return Future.all(AuditLog.open(vertx, options.getDataDir()), FlagStore.open(vertx, options.getDataDir()))
                .compose(opened -> {
                    AuditLog audit = opened.resultAt(0);
                    FlagStore flags = opened.resultAt(1);
                    audit.onRecord(entry -> {
                        live.audited(entry);
                        io.micrometer.core.instrument.Counter.builder("whizbang.control.commands")
                                .description("Control commands ordered, by kind and result")
                                .tags("kind", entry.kind(), "status", entry.status()).register(registry)
                                .increment();
                    });
                    ControlBroadcast broadcast = new ControlBroadcast(vertx, addresses, roster);
                    ControlCommands commands = new ControlCommands(broadcast, audit, flags);
                    vertx.eventBus().<JsonObject>consumer(addresses.flags(), message -> message.reply(
                            new JsonObject().put("flags", flags.toJson())));
                    Router router = router(verifier, registry, audit, flags, commands,
                            new Journeys(scan, journal, flowMap),
                            new StreamBrowser(vertx, ledger, scan, dispatcher.stateAddress()), flowMap, live,
                            projections);
                    return roster.start(vertx, addresses)
                            .compose(v -> ControlAgent.create(vertx, "control-plane").addresses(addresses).start())
                            .compose(started -> {
                                agent = started;
                                return vertx.createHttpServer(new HttpServerOptions().setHost(options.getHost())
                                        .setPort(options.getPort())).requestHandler(router).listen();
                            })
                            .onSuccess(listening -> {
                                server = listening;
                                liveTimer = live.start(LIVE_PERIOD_MILLIS);
                                if (!flags.toJson().isEmpty()) {
                                    broadcast.send(ControlKind.SYNC_FLAGS, new JsonObject()
                                            .put("flags", flags.toJson()), options.getDeadlineMillis());
                                }
                            });
                });
    }

    private Router router(AdminGuard.Verifier verifier, PrometheusMeterRegistry registry, AuditLog audit, FlagStore flags,
                          ControlCommands commands, Journeys journeys,
                          StreamBrowser streams, FlowMap flowMap, LiveFeed live, ProjectionsClient projections) {
        Router router = Router.router(vertx);
        router.route().handler(ctx -> {
            String correlationId = CorrelationIds.of(ctx.request());
            ctx.response().putHeader(CorrelationIds.HEADER, correlationId);
            Observability.tagCorrelation(correlationId);
            ctx.next();
        });
        HealthRoutes health = HealthRoutes.create(ReadinessProbe.eventBus(vertx, options.getReadinessAddress(),
                options.getReadinessTimeoutMillis()));
        router.get(HealthRoutes.HEALTH_PATH).handler(ctx -> health.handle(ctx.request()));
        router.get(HealthRoutes.READY_PATH).handler(ctx -> health.handle(ctx.request()));
        router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
        router.route("/api/control/*").handler(BodyHandler.create().setBodyLimit(64 * 1024));
        router.route("/api/control/*").handler(new AdminGuard(verifier));
        new ControlRoutes(vertx, commands, roster, audit, flags, options.getDeadlineMillis()).mount(router);
        new ProjectionRoutes(projections, commands, options.getDeadlineMillis()).mount(router);
        new DashboardRoutes(journeys, streams, flowMap, live).mount(router);
        router.route("/api/control/*").handler(ctx -> ctx.fail(404));
        router.route("/*").handler(StaticHandler.create("webroot/dashboard").setIndexPage("index.html")
                .setCachingEnabled(false));
        Problems problems = new Problems();
        router.route().failureHandler(problems);
        for (int status : new int[] {400, 401, 403, 404, 405, 413, 415, 500}) {
            router.errorHandler(status, problems);
        }
        return router;
    }

    /** The registry Vert.x's own metrics use when the launcher set them up ({@link Observability}), else a new one. */
    private PrometheusMeterRegistry registry() {
        MeterRegistry configured = BackendRegistries.getNow(options.getMetricsRegistry());
        return configured instanceof PrometheusMeterRegistry prometheus ? prometheus
                : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    @Override
    public Future<?> stop() {
        if (liveTimer >= 0) {
            vertx.cancelTimer(liveTimer);
        }
        Future<Void> agentStopped = agent == null ? Future.succeededFuture() : agent.stop();
        return agentStopped
                .compose(v -> roster == null ? Future.succeededFuture() : roster.stop())
                .compose(v -> server == null ? Future.succeededFuture() : server.close())
                .compose(v -> ledger == null ? Future.succeededFuture() : ledger.close());
    }

    /** The port it listens on, the one picked when the options asked for port 0; available once started. */
    public int actualPort() {
        if (server == null) {
            throw new IllegalStateException("the control plane is not started");
        }
        return server.actualPort();
    }
}
