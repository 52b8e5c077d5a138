package io.whizbang.control;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard's live updates as server-sent events on {@code GET /api/control/live}: every period a
 * {@code metrics} event (totals, ledger head, outbox depth, projection lag) and a {@code projections} event (every
 * perspective's health, with rebuild progress), and an {@code audit} event for every control command as it is
 * recorded.
 */
final class LiveFeed {
    private final Vertx vertx;
    private final MicrometerMeters meters;
    private final Gauges gauges;
    private final Set<HttpServerResponse> listeners = ConcurrentHashMap.newKeySet();

    LiveFeed(Vertx vertx, MicrometerMeters meters, Gauges gauges) {
        this.vertx = vertx;
        this.meters = meters;
        this.gauges = gauges;
    }

    /** Starts pushing metrics every period. */
    long start(long periodMillis) {
        return vertx.setPeriodic(periodMillis, id -> gauges.refresh().onComplete(done -> {
            if (!listeners.isEmpty()) {
                send("metrics", snapshot());
                send("projections", gauges.perspectives());
            }
        }));
    }

    /** The metrics now. */
    JsonObject snapshot() {
        return new JsonObject().put("at", Instant.now().toString()).put("totals", meters.totals())
                .mergeIn(gauges.toJson());
    }

    /** Pushes an audit entry to every listener. */
    void audited(AuditEntry entry) {
        send("audit", entry.toJson());
    }

    void subscribe(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        response.setChunked(true).putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-store").putHeader("X-Accel-Buffering", "no");
        listeners.add(response);
        response.closeHandler(closed -> listeners.remove(response));
        response.write("retry: 2000\n\n");
        write(response, "metrics", snapshot());
    }

    private void send(String event, JsonObject data) {
        for (HttpServerResponse response : listeners) {
            write(response, event, data);
        }
    }

    private void write(HttpServerResponse response, String event, JsonObject data) {
        if (response.closed() || response.ended()) {
            listeners.remove(response);
            return;
        }
        response.write("event: " + event + "\ndata: " + data.encode() + "\n\n");
    }
}
