package io.whizbang.benchmarks.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Warms the benchmark's own JVM before the first cluster size: the same place-order requests, built, sent and
 * measured by the same code, against a bare Vert.x server in this JVM that answers {@code 201} with an order id.
 * Without it the load generator is still being compiled while the first size runs and takes CPU from the nodes on
 * the shared cores: three N = 1 sizes in a row measured 505, 575 and 658 orders/s.
 */
final class GeneratorWarmup {
    /** Requests sent to the bare server. */
    static final int REQUESTS = 30_000;

    private GeneratorWarmup() {
    }

    static void run(Vertx clients, IntFunction<RoundRobinLoad.Call> placeOrder, ClusterSettings settings)
            throws Exception {
        HttpServer server = ClusterPlaceOrderLoad.await(clients.createHttpServer().requestHandler(request ->
                request.body().onComplete(body -> request.response().setStatusCode(201)
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("orderId", UUID.randomUUID().toString()).encode())))
                .listen(0, "127.0.0.1"));
        HttpClient http = clients.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(settings.concurrency()));
        try {
            RoundRobinLoad.Result result = ClusterPlaceOrderLoad.await(new RoundRobinLoad(http,
                    clients.getOrCreateContext()).run(List.of(server.actualPort()), placeOrder, 201, REQUESTS,
                    settings.concurrency(), settings.maxMillis()));
            System.out.printf(Locale.ROOT, "load generator warmed up: %d requests to a bare server in this JVM,"
                    + " %.0f/s%n", result.completed(), result.throughput());
        } finally {
            ClusterPlaceOrderLoad.await(http.close());
            ClusterPlaceOrderLoad.await(server.close());
        }
    }
}
