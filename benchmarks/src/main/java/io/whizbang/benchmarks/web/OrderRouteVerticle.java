package io.whizbang.benchmarks.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.whizbang.codec.Codecs;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.error.WhizbangException;
import io.whizbang.examples.SampleApplicationRegistry;
import io.whizbang.examples.orders.summary.GetOrder;
import io.whizbang.examples.orders.summary.OrderSummary;
import io.whizbang.http.CorrelationIds;
import io.whizbang.http.HttpProblem;
import io.whizbang.message.Envelope;
import io.whizbang.security.TokenVerifier;
import io.whizbang.security.TokenVerifierOptions;

import java.util.UUID;

/**
 * The baseline of the GraphQL benchmark: a plain Vert.x Web route {@code GET /api/orders/:id} that does what the
 * REST gateway's route does for it — verify the bearer token, ask {@code GetOrder} through the remote dispatcher on
 * the event bus under the request's correlation id, and answer the {@code OrderSummary} as its codec's JSON.
 */
final class OrderRouteVerticle extends VerticleBase {
    private final int port;
    private final TokenVerifierOptions tokens;
    private HttpServer server;

    OrderRouteVerticle(int port, TokenVerifierOptions tokens) {
        this.port = port;
        this.tokens = tokens;
    }

    @Override
    public Future<?> start() {
        TokenVerifier verifier = TokenVerifier.create(vertx, tokens);
        Codecs codecs = SampleApplicationRegistry.create().codecs();
        Dispatcher dispatcher = Dispatcher.remote(vertx, codecs, new DispatcherOptions());
        Router router = Router.router(vertx);
        router.get("/api/orders/:id").handler(rc -> getOrder(rc, verifier, dispatcher, codecs));
        return vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1")
                .onSuccess(listening -> server = listening);
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    private static void getOrder(RoutingContext rc, TokenVerifier verifier, Dispatcher dispatcher, Codecs codecs) {
        String correlationId = CorrelationIds.of(rc.request());
        rc.response().putHeader(CorrelationIds.HEADER, correlationId);
        verifier.verifyHeader(rc.request().getHeader("Authorization"))
                .compose(principal -> {
                    GetOrder query = new GetOrder(UUID.fromString(rc.pathParam("id")));
                    return dispatcher.<OrderSummary>ask(Envelope.create(principal, codecs.typeOf(query), query)
                            .withCorrelationId(UUID.fromString(correlationId)));
                })
                .onSuccess(order -> rc.response().putHeader("Content-Type", "application/json")
                        .end(codecs.encode(order).toBuffer()))
                .onFailure(failure -> {
                    WhizbangException known = WhizbangException.wrap(failure);
                    HttpProblem.of(known.code(), known.getMessage()).send(rc.response());
                });
    }
}
