package io.whizbang.gateway.mobile;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.whizbang.error.ValidationException;
import io.whizbang.examples.orders.customer.CustomerOrder;
import io.whizbang.examples.orders.customer.CustomerOrdersPage;
import io.whizbang.examples.orders.customer.ListCustomerOrders;

import java.util.List;

/**
 * {@code GET /api/customers/{id}/orders?limit=&cursor=&fields=}: one page of a customer's orders, newest first, as
 * {@code {items, nextCursor}}; {@code nextCursor} is {@code null} on the last page, and {@code fields} keeps only
 * the named top-level fields of each item.
 */
final class CustomerOrderRoutes {
    /** The route's path. */
    static final String PATH = "/api/customers/:id/orders";
    /** The top-level fields of a {@link CustomerOrder} as its codec writes them, in that order. */
    static final List<String> ITEM_FIELDS =
            List.of("orderId", "customerId", "status", "total", "placedAt", "placedAtMillis");

    private final Backend backend;
    private final int defaultPageSize;

    CustomerOrderRoutes(Backend backend, int defaultPageSize) {
        this.backend = backend;
        this.defaultPageSize = defaultPageSize;
    }

    /** Adds the route behind the authentication handler. */
    void mount(Router router, Handler<RoutingContext> authentication) {
        router.get(PATH).handler(authentication).handler(this::list);
    }

    private void list(RoutingContext ctx) {
        FieldSelection fields = FieldSelection.parse(ctx.request().getParam("fields"), ITEM_FIELDS);
        JsonObject json = new JsonObject().put("customerId", ctx.pathParam("id"))
                .put("limit", limitOf(ctx.request().getParam("limit")));
        String cursor = ctx.request().getParam("cursor");
        if (cursor != null && !cursor.isEmpty()) {
            json.put("cursor", cursor);
        }
        ListCustomerOrders query = backend.decode(ListCustomerOrders.class, json);
        Responses.whenDone(ctx, backend.ask(ctx, query), page -> Responses.json(ctx, 200, answer(page, fields)));
    }

    private String answer(CustomerOrdersPage page, FieldSelection fields) {
        JsonArray items = new JsonArray();
        page.items().forEach(item -> items.add(fields.apply(backend.encode(item))));
        return new JsonObject().put("items", items).put("nextCursor", page.nextCursor().orElse(null)).encode();
    }

    private int limitOf(String parameter) {
        if (parameter == null || parameter.isEmpty()) {
            return defaultPageSize;
        }
        try {
            return Integer.parseInt(parameter);
        } catch (NumberFormatException notANumber) {
            throw new ValidationException("limit", "must be a whole number 1-" + ListCustomerOrders.MAX_LIMIT
                    + ", was \"" + (parameter.length() <= 20 ? parameter : parameter.substring(0, 20) + "...")
                    + "\"");
        }
    }
}
