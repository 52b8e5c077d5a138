package io.whizbang.benchmarks.mobile;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * The order the read benchmark reads: restocked, placed and confirmed by the saga through the gateway itself.
 */
final class OrderFixture {
    private static final int ATTEMPTS = 100;
    /**
     * How long a request may go without an answer before it fails. A request sent on a kept-alive connection that is
     * closing can get no answer and no error from the Vert.x client (eclipse-vertx/vert.x#2772): a CI run hung here
     * for minutes reading the order back.
     */
    private static final long IDLE_MILLIS = 5_000;

    private OrderFixture() {
    }

    /** An answer: its status and JSON body. */
    private record Answer(int status, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }
    }

    /** Places an order and waits until the gateway reads it back confirmed; answers its id. */
    static String placeConfirmedOrder(Vertx vertx, int port, String token) throws Exception {
        HttpClient client = vertx.createHttpClient();
        String bearer = "Bearer " + token;
        expect(call(client, port, HttpMethod.POST, "/api/inventory/BENCH-1/restock", bearer,
                new JsonObject().put("quantity", 1000)), 202);
        JsonObject order = new JsonObject().put("customerId", UUID.randomUUID().toString()).put("lines",
                new JsonArray().add(new JsonObject().put("sku", "BENCH-1").put("quantity", 2).put("unitPrice", 9.99)));
        String orderId = expect(call(client, port, HttpMethod.POST, "/api/orders", bearer, order), 201).json()
                .getString("orderId");
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (confirmed(client, port, orderId, bearer)) {
                MobileRestLoad.await(client.close());
                return orderId;
            }
            MobileRestLoad.await(Future.<Void>future(promise -> vertx.setTimer(50, tick -> promise.complete())));
        }
        throw new IllegalStateException("order " + orderId + " was not confirmed in time");
    }

    /** Whether the gateway reads the order back confirmed; a read that got no answer counts as not yet. */
    private static boolean confirmed(HttpClient client, int port, String orderId, String bearer) {
        try {
            Answer read = call(client, port, HttpMethod.GET, "/api/orders/" + orderId, bearer, null);
            return read.status() == 200 && "CONFIRMED".equals(read.json().getString("status"));
        } catch (Exception unanswered) {
            return false;
        }
    }

    private static Answer call(HttpClient client, int port, HttpMethod method, String uri, String bearer,
                               JsonObject body) throws Exception {
        RequestOptions options = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port)
                .setURI(uri).setIdleTimeout(IDLE_MILLIS).putHeader("Authorization", bearer);
        if (body != null) {
            options.putHeader("Content-Type", "application/json");
        }
        return MobileRestLoad.await(client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body.toBuffer()))
                .compose(response -> response.body().map(read -> new Answer(response.statusCode(),
                        read.toString()))));
    }

    private static Answer expect(Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + answer.status() + " " + answer.body());
        }
        return answer;
    }
}
