package io.whizbang.benchmarks.mobile;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;

/**
 * The baseline: a bare Vert.x HTTP server that reads each request's body and answers {@code 200 hello}, nothing
 * else; deployed with as many instances as the gateway so both run on the same event loops.
 */
final class HelloVerticle extends VerticleBase {
    private final int port;
    private HttpServer server;

    HelloVerticle(int port) {
        this.port = port;
    }

    @Override
    public Future<?> start() {
        return vertx.createHttpServer()
                .requestHandler(request -> request.body().onComplete(read -> request.response()
                        .putHeader("Content-Type", "text/plain").end("hello")))
                .listen(port, "127.0.0.1")
                .onSuccess(listening -> server = listening);
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }
}
