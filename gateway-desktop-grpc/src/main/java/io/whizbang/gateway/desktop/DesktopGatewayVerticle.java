package io.whizbang.gateway.desktop;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.grpc.server.GrpcProtocol;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.GrpcServerOptions;
import io.vertx.grpc.reflection.ReflectionService;
import io.whizbang.codec.Codecs;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.gateway.desktop.v1.InventoryGrpcService;
import io.whizbang.gateway.desktop.v1.OrdersGrpcService;
import io.whizbang.health.HealthRoutes;
import io.whizbang.health.ReadinessProbe;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.LedgerClient;
import io.whizbang.security.TokenVerifier;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The desktop gateway: the sample's {@code Orders} and {@code Inventory} gRPC services, the standard
 * {@code grpc.health.v1.Health} service and server reflection ({@code grpc.reflection.v1}) on one port (9090 by
 * default), with {@code GET /health} and {@code GET /ready} answered over HTTP on the same port.
 *
 * <p>It reaches the sample's receptors and lenses only over the event bus (a remote dispatcher) and streams order
 * events from the ledger over the bus too, so it deploys alone or beside the back end. Calls speak gRPC over
 * HTTP/2 (cleartext); gRPC-Web is not served.
 */
public final class DesktopGatewayVerticle extends VerticleBase {
    /** The reflection service's name, always {@code SERVING}. */
    static final String REFLECTION_SERVICE = "grpc.reflection.v1.ServerReflection";

    private final DesktopGatewayOptions options;
    private HttpServer server;
    private Ledger ledger;
    private OrderEventStream orderEvents;

    public DesktopGatewayVerticle(DesktopGatewayOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Future<?> start() {
        if (options.getTokens() == null) {
            return Future.failedFuture(new IllegalStateException("the desktop gateway needs to know how to verify "
                    + "bearer tokens: set DesktopGatewayOptions.setTokens (the development key or a production key)"));
        }
        Codecs codecs = SampleApplicationRegistry.create().codecs();
        Dispatcher dispatcher = Dispatcher.remote(vertx, codecs,
                new DispatcherOptions().setAddressPrefix(options.getAddressPrefix()));
        ledger = LedgerClient.create(vertx, options.getAddressPrefix());
        ReadinessProbe readiness = ReadinessProbe.eventBus(vertx, options.getReadinessAddress(),
                options.getReadinessTimeoutMillis());
        TokenCache tokens = new TokenCache(TokenVerifier.create(vertx, options.getTokens())::verifyHeader,
                Clock.systemUTC(), options.getTokenCacheSize());
        CallHandlers handlers = new CallHandlers(vertx, tokens, dispatcher, options.getMaxMessageBytes());
        GrpcServer grpc = GrpcServer.server(vertx, new GrpcServerOptions()
                .setMaxMessageSize(options.getMaxMessageBytes())
                .removeEnabledProtocol(GrpcProtocol.WEB)
                .removeEnabledProtocol(GrpcProtocol.WEB_TEXT)
                .removeEnabledProtocol(GrpcProtocol.TRANSCODING));
        orderEvents = new OrderEventStream(vertx, ledger, codecs, options.getWatchBatchSize());
        grpc.addService(OrdersEndpoints.service(handlers, options.getDefaultPageSize(), orderEvents));
        grpc.addService(InventoryEndpoints.service(handlers));
        grpc.addService(HealthEndpoint.service(vertx, handlers, readiness,
                List.of(OrdersGrpcService.SERVICE_NAME.fullyQualifiedName(),
                        InventoryGrpcService.SERVICE_NAME.fullyQualifiedName()),
                List.of(HealthEndpoint.NAME.fullyQualifiedName(), REFLECTION_SERVICE),
                options.getHealthWatchIntervalMillis()));
        grpc.addService(ReflectionService.v1());
        grpc.callHandler(GatewayRequests.unknownMethods(vertx));
        return vertx.createHttpServer(new HttpServerOptions().setHost(options.getHost()).setPort(options.getPort()))
                .connectionHandler(new ReplyFlushes())
                .requestHandler(new GatewayRequests(grpc, HealthRoutes.create(readiness)))
                .listen()
                .onSuccess(listening -> server = listening);
    }

    @Override
    public Future<?> stop() {
        Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
        return closed.compose(v -> ledger == null ? Future.succeededFuture() : ledger.close());
    }

    /** How many {@code WatchOrders} streams are reading the ledger now; 0 before it starts. */
    public int runningOrderStreams() {
        return orderEvents == null ? 0 : orderEvents.running();
    }

    /** The port it listens on, the one picked when the options asked for port 0; available once started. */
    public int actualPort() {
        if (server == null) {
            throw new IllegalStateException("the desktop gateway is not started");
        }
        return server.actualPort();
    }
}
