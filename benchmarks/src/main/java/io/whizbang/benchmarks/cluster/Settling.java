package io.whizbang.benchmarks.cluster;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What the cluster singletons (the sagas and the perspectives, on one node) still had to do when the load stopped: how
 * many accepted orders had their stock reserved by the saga (each order holds one unit, so the units reserved over
 * every SKU's {@code InventoryLevel} count them), and how fast the rest followed, read through the first node's REST
 * gateway every second up to a limit.
 */
final class Settling {
    private static final long POLL_MILLIS = 1_000;

    private final Vertx vertx;
    private final HttpClient http;
    private final int port;
    private final MultiMap headers;
    private final ClusterSettings settings;

    Settling(Vertx vertx, HttpClient http, int port, MultiMap headers, ClusterSettings settings) {
        this.vertx = vertx;
        this.http = http;
        this.port = port;
        this.headers = headers;
        this.settings = settings;
    }

    /**
     * Waits until the stock of {@code accepted} orders reads back reserved, or the limit passes; answers, in a few
     * words, how far the sagas were behind when the load stopped, how fast they caught up, and the status of the last
     * accepted order.
     */
    String await(String lastOrderId, long accepted) throws Exception {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(settings.settleMillis());
        long atStop = reserved();
        long reserved = atStop;
        while (reserved < accepted && System.nanoTime() < deadline) {
            ClusterPlaceOrderLoad.await(vertx.timer(POLL_MILLIS, TimeUnit.MILLISECONDS));
            reserved = reserved();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String last = orderStatus(lastOrderId).toLowerCase(Locale.ROOT);
        if (reserved >= accepted) {
            return String.format(Locale.ROOT, "%d of %d reserved at the stop, all after %.1f s more (%.0f/s); last"
                    + " order %s", atStop, accepted, seconds, (reserved - atStop) / seconds, last);
        }
        return String.format(Locale.ROOT, "%d of %d reserved at the stop, %d after %.0f s more (%.0f/s); last order"
                + " %s", atStop, accepted, reserved, seconds, (reserved - atStop) / seconds, last);
    }

    private String orderStatus(String orderId) throws Exception {
        JsonObject order = get("/api/orders/" + orderId);
        return order == null ? "unprojected" : order.getString("status", "unknown");
    }

    /** The units reserved over every SKU, each order holding one. */
    private long reserved() throws Exception {
        List<Future<JsonObject>> levels = new ArrayList<>();
        for (int i = 0; i < settings.skus(); i++) {
            levels.add(getAsync("/api/inventory/" + ClusterPlaceOrderLoad.sku(i)));
        }
        long reserved = 0;
        for (Future<JsonObject> level : levels) {
            JsonObject json = ClusterPlaceOrderLoad.await(level);
            reserved += json == null ? 0 : json.getLong("reserved", 0L);
        }
        return reserved;
    }

    private JsonObject get(String uri) throws Exception {
        return ClusterPlaceOrderLoad.await(getAsync(uri));
    }

    /** The JSON of a {@code 200}, {@code null} for any other answer. */
    private Future<JsonObject> getAsync(String uri) {
        return http.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
                        .setURI(uri).setHeaders(MultiMap.caseInsensitiveMultiMap().addAll(headers)))
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode() == 200
                        ? new JsonObject(body) : null));
    }
}
