package io.whizbang.gateway.mobile;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.whizbang.examples.inventory.level.GetInventoryLevel;
import io.whizbang.examples.inventory.restock.RestockItem;

/**
 * The inventory routes: {@code POST /api/inventory/{sku}/restock} with {@code {quantity}} adds stock ({@code 202}
 * with the SKU and its stream's new version); {@code GET /api/inventory/{sku}} reads its level.
 */
final class InventoryRoutes {
    /** The path under which SKUs live. */
    static final String INVENTORY = "/api/inventory";

    private final Backend backend;

    InventoryRoutes(Backend backend) {
        this.backend = backend;
    }

    /** Adds the routes, each behind the authentication handler. */
    void mount(Router router, Handler<RoutingContext> authentication) {
        router.post(INVENTORY + "/:sku/restock").handler(authentication).handler(this::restock);
        router.get(INVENTORY + "/:sku").handler(authentication).handler(this::level);
    }

    private void restock(RoutingContext ctx) {
        RestockItem command = backend.decode(RestockItem.class,
                JsonBodies.required(ctx).put("sku", ctx.pathParam("sku")));
        Responses.whenDone(ctx, backend.send(ctx, command), receipt -> Responses.json(ctx, 202,
                new JsonObject().put("sku", command.sku()).put("version", receipt.version()).encode()));
    }

    private void level(RoutingContext ctx) {
        GetInventoryLevel query = backend.decode(GetInventoryLevel.class,
                new JsonObject().put("sku", ctx.pathParam("sku")));
        Responses.whenDone(ctx, backend.ask(ctx, query),
                level -> Responses.json(ctx, 200, backend.encode(level).encode()));
    }
}
