package io.whizbang.gateway.mobile;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.whizbang.examples.orders.Order;
import io.whizbang.examples.orders.summary.GetOrder;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.StreamId;
import io.whizbang.ledger.Subscription;

import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/orders/{id}/events}: the order's events as Server-Sent Events, those already recorded first, then
 * each new one as it commits, until the client goes away.
 *
 * <p>Each event is {@code id: <ledger position>}, {@code event: <type>} and {@code data:
 * {type, orderId, version, position, recordedAt, data}} with the payload upcast to its current schema by the
 * generated codecs. The caller must be allowed to read the order ({@code orders:read}, its own tenant): the stream
 * opens only after the order summary lens answered, so another tenant's order is {@code 404} like any unknown one.
 * This route adds to the routes of DESIGN.md; it is REST's way of watching an order live.
 */
final class OrderEventStream {
    /** The route's path. */
    static final String PATH = OrderRoutes.ORDERS + "/:id/events";
    /** How often a comment line keeps idle connections (and proxies) from timing out. */
    static final long KEEP_ALIVE_MILLIS = 15_000;
    private static final int BATCH_SIZE = 100;
    private static final int CATCH_UP_MAX = 10_000;

    private final Vertx vertx;
    private final Backend backend;
    private final Ledger ledger;

    OrderEventStream(Vertx vertx, Backend backend, Ledger ledger) {
        this.vertx = vertx;
        this.backend = backend;
        this.ledger = ledger;
    }

    /** Adds the route behind the authentication handler. */
    void mount(Router router, Handler<RoutingContext> authentication) {
        router.get(PATH).handler(authentication).handler(this::watch);
    }

    private void watch(RoutingContext ctx) {
        GetOrder query = backend.decode(GetOrder.class, new JsonObject().put("orderId", ctx.pathParam("id")));
        String tenant = Authentication.principalOf(ctx).tenant();
        StreamId stream = Order.streamOf(query.orderId());
        Responses.whenDone(ctx, backend.ask(ctx, query).compose(readable -> ledger.head()), head -> {
            HttpServerResponse response = ctx.response().setChunked(true).setStatusCode(200)
                    .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                    .putHeader("Cache-Control", "no-store");
            response.write(": watching order " + query.orderId() + "\n\n");
            new Watch(response, tenant, stream, query.orderId()).start(head);
        });
    }

    /** One client's watch: catch-up, then live, deduplicated by stream version. */
    private final class Watch {
        private final HttpServerResponse response;
        private final String tenant;
        private final StreamId stream;
        private final UUID orderId;
        private long lastVersion;
        private Subscription subscription;
        private long keepAlive = -1;
        private boolean closed;

        Watch(HttpServerResponse response, String tenant, StreamId stream, UUID orderId) {
            this.response = response;
            this.tenant = tenant;
            this.stream = stream;
            this.orderId = orderId;
        }

        void start(long head) {
            response.closeHandler(gone -> stop());
            if (response.closed()) {
                // gone before the watch began: its close handler will not run
                closed = true;
                return;
            }
            keepAlive = vertx.setPeriodic(KEEP_ALIVE_MILLIS, tick -> response.write(": keep-alive\n\n"));
            ledger.readStream(tenant, stream, 1, CATCH_UP_MAX)
                    .compose(slice -> send(slice.events()))
                    .onSuccess(caughtUp -> {
                        if (!closed) {
                            subscription = ledger.subscribe(vertx, head, BATCH_SIZE, this::send);
                            subscription.completion().onFailure(failure -> response.reset());
                        }
                    })
                    .onFailure(failure -> response.reset());
        }

        /** Writes the events of this order not written yet; the future completes when the last is written. */
        private Future<Void> send(List<RecordedEvent> events) {
            Future<Void> written = Future.succeededFuture();
            try {
                for (RecordedEvent event : events) {
                    if (closed || !event.tenant().equals(tenant) || !event.stream().equals(stream)
                            || event.version() <= lastVersion) {
                        continue;
                    }
                    lastVersion = event.version();
                    written = response.write(frame(event));
                }
            } catch (RuntimeException undecodable) {
                return Future.failedFuture(undecodable);
            }
            return closed ? Future.succeededFuture() : written;
        }

        private String frame(RecordedEvent event) {
            JsonObject payload = backend.encode(backend.codecs().decode(event.type(), event.schemaVersion(),
                    event.payload()));
            JsonObject data = new JsonObject().put("type", event.type()).put("orderId", orderId.toString())
                    .put("version", event.version()).put("position", event.position())
                    .put("recordedAt", event.timestamp().toString()).put("data", payload);
            return "id: " + event.position() + "\nevent: " + event.type() + "\ndata: " + data.encode() + "\n\n";
        }

        private void stop() {
            closed = true;
            vertx.cancelTimer(keepAlive);
            if (subscription != null) {
                subscription.cancel();
            }
        }
    }
}
