package io.whizbang.health;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.whizbang.error.ErrorCode;
import io.whizbang.http.CorrelationIds;
import io.whizbang.http.HttpProblem;
import io.whizbang.http.HttpServiceOptions;

/**
 * An HTTP server that answers only the {@link HealthRoutes}: every response carries the request's correlation id,
 * and any other request is a {@code 404} problem.
 *
 * <p>It is what a service serves until its own protocol arrives.
 */
public final class HealthServer {
    private final HttpServer server;

    private HealthServer(HttpServer server) {
        this.server = server;
    }

    /** Listens at the options' host and port, ready when the options' readiness address answers. */
    public static Future<HealthServer> start(Vertx vertx, HttpServiceOptions<?> options) {
        HealthRoutes routes = HealthRoutes.create(ReadinessProbe.eventBus(vertx, options.getReadinessAddress(),
                options.getReadinessTimeoutMillis()));
        return vertx.createHttpServer(new HttpServerOptions().setHost(options.getHost()).setPort(options.getPort()))
                .requestHandler(request -> handle(routes, request))
                .listen()
                .map(HealthServer::new);
    }

    /** The port it listens on, the one picked when the options asked for port 0. */
    public int actualPort() {
        return server.actualPort();
    }

    /** Stops listening. */
    public Future<Void> close() {
        return server.close();
    }

    private static void handle(HealthRoutes routes, HttpServerRequest request) {
        request.response().putHeader(CorrelationIds.HEADER, CorrelationIds.of(request));
        if (!routes.handle(request)) {
            HttpProblem.of(ErrorCode.NOT_FOUND, "no route " + request.method() + " " + request.path())
                    .send(request.response());
        }
    }
}
