package io.whizbang.gateway.mobile;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.whizbang.dispatch.Receipt;
import io.whizbang.examples.orders.cancel.CancelOrder;
import io.whizbang.examples.orders.confirm.ConfirmOrder;
import io.whizbang.examples.orders.place.PlaceOrder;
import io.whizbang.examples.orders.ship.ShipOrder;
import io.whizbang.examples.orders.summary.GetOrder;
import io.whizbang.examples.orders.summary.OrderSummary;
import io.whizbang.message.Command;

/**
 * The order routes: {@code POST /api/orders} places an order ({@code 201} with its id and {@code Location});
 * {@code POST /api/orders/{id}/confirm | cancel | ship} change it ({@code 202} with the new version);
 * {@code GET /api/orders/{id}} reads its summary with an {@link ETags ETag}, {@code 304} when the caller's copy is
 * current.
 */
final class OrderRoutes {
    /** The path under which orders live. */
    static final String ORDERS = "/api/orders";

    private final Backend backend;

    OrderRoutes(Backend backend) {
        this.backend = backend;
    }

    /** Adds the routes, each behind the authentication handler. */
    void mount(Router router, Handler<RoutingContext> authentication) {
        router.post(ORDERS).handler(authentication).handler(this::place);
        router.post(ORDERS + "/:id/confirm").handler(authentication).handler(this::confirm);
        router.post(ORDERS + "/:id/cancel").handler(authentication).handler(this::cancel);
        router.post(ORDERS + "/:id/ship").handler(authentication).handler(this::ship);
        router.get(ORDERS + "/:id").handler(authentication).handler(this::get);
    }

    private void place(RoutingContext ctx) {
        PlaceOrder command = backend.decode(PlaceOrder.class, JsonBodies.required(ctx));
        Responses.whenDone(ctx, backend.send(ctx, command), receipt -> {
            String orderId = receipt.stream().id();
            ctx.response().putHeader("Location", ORDERS + "/" + orderId);
            Responses.json(ctx, 201, new JsonObject().put("orderId", orderId).encode());
        });
    }

    private void confirm(RoutingContext ctx) {
        accept(ctx, backend.decode(ConfirmOrder.class, withOrderId(ctx, JsonBodies.optional(ctx))));
    }

    private void cancel(RoutingContext ctx) {
        accept(ctx, backend.decode(CancelOrder.class, withOrderId(ctx, JsonBodies.required(ctx))));
    }

    private void ship(RoutingContext ctx) {
        accept(ctx, backend.decode(ShipOrder.class, withOrderId(ctx, JsonBodies.optional(ctx))));
    }

    private void get(RoutingContext ctx) {
        GetOrder query = backend.decode(GetOrder.class, withOrderId(ctx, new JsonObject()));
        Responses.whenDone(ctx, backend.ask(ctx, query), summary -> answer(ctx, summary));
    }

    private void answer(RoutingContext ctx, OrderSummary summary) {
        String etag = ETags.of(summary.version());
        ctx.response().putHeader("ETag", etag).putHeader("Cache-Control", "private, no-cache");
        if (ETags.matches(ctx.request().getHeader("If-None-Match"), etag)) {
            ctx.response().setStatusCode(304).end();
            return;
        }
        Responses.json(ctx, 200, backend.encode(summary).encode());
    }

    private void accept(RoutingContext ctx, Command command) {
        Responses.whenDone(ctx, backend.send(ctx, command), receipt -> Responses.json(ctx, 202, accepted(receipt)));
    }

    private static String accepted(Receipt receipt) {
        return new JsonObject().put("orderId", receipt.stream().id()).put("version", receipt.version()).encode();
    }

    /** The body with the order id of the path, which wins over any {@code orderId} the body carries. */
    private static JsonObject withOrderId(RoutingContext ctx, JsonObject body) {
        return body.put("orderId", ctx.pathParam("id"));
    }
}
