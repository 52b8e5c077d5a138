package io.whizbang.gateway.desktop;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientRequest;
import io.vertx.grpc.client.GrpcClientResponse;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.common.ServiceMethod;
import io.whizbang.examples.testing.SampleBackend;
import io.whizbang.security.DevelopmentKey;
import io.whizbang.security.DevelopmentTokens;
import io.whizbang.security.Principal;
import io.whizbang.security.TokenVerifierOptions;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The desktop gateway on a free port, optionally in front of the sample's back end on the bus, with a real Vert.x
 * gRPC client that calls it through the generated client stubs' service methods, adding metadata as a caller does.
 */
final class GatewayHarness {
    static final String ALL_SCOPES = "orders:write orders:read inventory:write inventory:read";

    final Vertx vertx;
    final SampleBackend backend;
    final DesktopGatewayVerticle gateway;
    final DevelopmentKey key;
    final GrpcClient client;
    final SocketAddress address;
    private final String deployment;

    private GatewayHarness(Vertx vertx, SampleBackend backend, DesktopGatewayVerticle gateway, String deployment,
                           DevelopmentKey key) {
        this.vertx = vertx;
        this.backend = backend;
        this.gateway = gateway;
        this.deployment = deployment;
        this.key = key;
        this.client = GrpcClient.client(vertx);
        this.address = SocketAddress.inetSocketAddress(gateway.actualPort(), "localhost");
    }

    /** The sample's back end and the gateway in front of it. */
    static Future<GatewayHarness> start(Vertx vertx, Path dataDir) {
        return SampleBackend.start(vertx).compose(backend -> start(vertx, dataDir, backend, options -> {
        }));
    }

    /** The gateway alone (or with the given back end), its options tuned by the test. */
    static Future<GatewayHarness> start(Vertx vertx, Path dataDir, SampleBackend backend,
                                        Consumer<DesktopGatewayOptions> tune) {
        DevelopmentKey key = DevelopmentKey.loadOrCreate(dataDir);
        DesktopGatewayOptions options = new DesktopGatewayOptions().setPort(0)
                .setTokens(TokenVerifierOptions.development(key));
        tune.accept(options);
        DesktopGatewayVerticle gateway = new DesktopGatewayVerticle(options);
        return vertx.deployVerticle(gateway).map(id -> new GatewayHarness(vertx, backend, gateway, id, key));
    }

    /** A valid token of a subject of the tenant with the space-separated scopes. */
    String token(String tenant, String scopes) {
        return mint(tenant, scopes, key, Clock.systemUTC());
    }

    /** A token signed with the key, issued at the clock's now for five minutes. */
    static String mint(String tenant, String scopes, DevelopmentKey key, Clock clock) {
        Principal principal = Principal.of("alice@" + tenant, tenant, scopes.isBlank() ? new String[0]
                : scopes.split(" "));
        return DevelopmentTokens.mint(principal, Duration.ofMinutes(5), key, clock);
    }

    /** The metadata of a caller bearing the token. */
    static Map<String, String> bearer(String token) {
        return Map.of("authorization", "Bearer " + token);
    }

    /**
     * What a unary call answered.
     *
     * @param status   its gRPC status
     * @param message  its status message
     * @param metadata its response headers and trailers together
     * @param body     its reply message, or null when it failed
     * @param <Resp>   the reply type
     */
    record Answer<Resp>(GrpcStatus status, String message, MultiMap metadata, Resp body) {
    }

    /** Calls a unary method with the metadata, without a deadline. */
    <Req, Resp> Future<Answer<Resp>> call(ServiceMethod<Resp, Req> method, Req request, Map<String, String> metadata) {
        return call(method, request, metadata, 0);
    }

    /** Calls a unary method with the metadata and a deadline in milliseconds (0 for none). */
    <Req, Resp> Future<Answer<Resp>> call(ServiceMethod<Resp, Req> method, Req request, Map<String, String> metadata,
                                          long timeoutMillis) {
        return client.request(address, method).compose(call -> {
            metadata.forEach(call.headers()::set);
            if (timeoutMillis > 0) {
                call.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
            }
            return call.end(request).compose(v -> call.response());
        }).compose(GatewayHarness::collect);
    }

    /**
     * Opens a server stream; the future completes once the gateway sent the response headers, with the call (to
     * cancel it) and its response (to read it).
     */
    <Req, Resp> Future<Stream<Req, Resp>> stream(ServiceMethod<Resp, Req> method, Req request,
                                                 Map<String, String> metadata, long timeoutMillis) {
        return client.request(address, method).compose(call -> {
            metadata.forEach(call.headers()::set);
            if (timeoutMillis > 0) {
                call.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
            }
            return call.end(request).compose(v -> call.response()).map(response -> new Stream<>(call, response));
        });
    }

    /**
     * An open server stream.
     *
     * @param call     the client's half, to cancel
     * @param response the server's half, to read
     */
    record Stream<Req, Resp>(GrpcClientRequest<Req, Resp> call, GrpcClientResponse<Req, Resp> response) {
    }

    private static <Req, Resp> Future<Answer<Resp>> collect(GrpcClientResponse<Req, Resp> response) {
        List<Resp> messages = new ArrayList<>();
        response.handler(messages::add);
        return response.end().transform(ended -> {
            MultiMap metadata = MultiMap.caseInsensitiveMultiMap().addAll(response.headers())
                    .addAll(response.trailers());
            return Future.succeededFuture(new Answer<>(response.status(), response.statusMessage(), metadata,
                    messages.isEmpty() ? null : messages.get(0)));
        });
    }

    /** The ledger's head, for asserting that nothing was written. */
    Future<Long> head() {
        return backend.ledger().head();
    }

    /** Stops the client, the gateway and the back end. */
    Future<Void> stop() {
        return client.close().compose(v -> vertx.undeploy(deployment))
                .compose(v -> backend == null ? Future.succeededFuture() : backend.stop());
    }
}
