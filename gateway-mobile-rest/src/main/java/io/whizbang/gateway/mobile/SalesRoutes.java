package io.whizbang.gateway.mobile;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.whizbang.examples.sales.daily.GetDailySales;

/**
 * {@code GET /api/sales/daily?from=&to=}: the days from one date to another (ISO dates, both included) that had
 * sales, earliest first, as a JSON array of {@code {date, orders, revenue}}.
 */
final class SalesRoutes {
    /** The route's path. */
    static final String DAILY = "/api/sales/daily";

    private final Backend backend;

    SalesRoutes(Backend backend) {
        this.backend = backend;
    }

    /** Adds the route behind the authentication handler. */
    void mount(Router router, Handler<RoutingContext> authentication) {
        router.get(DAILY).handler(authentication).handler(this::daily);
    }

    private void daily(RoutingContext ctx) {
        JsonObject json = new JsonObject();
        putIfPresent(json, "from", ctx.request().getParam("from"));
        putIfPresent(json, "to", ctx.request().getParam("to"));
        GetDailySales query = backend.decode(GetDailySales.class, json);
        Responses.whenDone(ctx, backend.ask(ctx, query), report -> {
            JsonArray days = new JsonArray();
            report.days().forEach(day -> days.add(backend.encode(day)));
            Responses.json(ctx, 200, days.encode());
        });
    }

    private static void putIfPresent(JsonObject json, String field, String value) {
        if (value != null && !value.isEmpty()) {
            json.put(field, value);
        }
    }
}
