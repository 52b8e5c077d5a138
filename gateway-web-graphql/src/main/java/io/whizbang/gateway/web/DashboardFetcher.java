package io.whizbang.gateway.web;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.examples.orders.OrderStatus;
import io.whizbang.examples.orders.customer.ListCustomerOrders;
import io.whizbang.examples.sales.daily.GetDailySales;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.whizbang.gateway.web.Fetchers.async;
import static io.whizbang.gateway.web.Fetchers.caller;

/**
 * {@code dashboard(customerId, recentOrders)}: a customer's page in one round trip, from two lenses asked at once —
 * the newest orders ({@code ListCustomerOrders}, which also gives the status counts) and today's sales
 * ({@code GetDailySales}).
 *
 * <p>Only the lenses the selection needs are asked. Each field of the dashboard holds its own future, so a lens that
 * fails turns only its fields into errors and the others still answer.
 */
final class DashboardFetcher implements DataFetcher<Object> {
    /** The most recent orders one dashboard shows. */
    static final int MAX_RECENT_ORDERS = 50;

    private final BackendCalls backend;
    private final Clock clock;

    DashboardFetcher(BackendCalls backend, Clock clock) {
        this.backend = backend;
        this.clock = clock;
    }

    @Override
    public Object get(DataFetchingEnvironment env) {
        Caller caller = caller(env);
        UUID customerId = Arguments.uuid(env, "customerId");
        int recent = Arguments.intIn(env, "recentOrders", 1, MAX_RECENT_ORDERS);
        Map<String, Object> dashboard = new LinkedHashMap<>();
        dashboard.put("customerId", customerId.toString());
        if (env.getSelectionSet().contains("recentOrders") || env.getSelectionSet().contains("statusCounts")) {
            Future<JsonArray> orders = backend.ask(caller, ListCustomerOrders.firstPage(customerId, recent))
                    .map(page -> page.getJsonArray("items", new JsonArray()));
            dashboard.put("recentOrders", async(orders));
            dashboard.put("statusCounts", async(orders.map(DashboardFetcher::statusCounts)));
        }
        if (env.getSelectionSet().contains("todaySales")) {
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            dashboard.put("todaySales", async(backend.ask(caller, new GetDailySales(today, today))
                    .map(report -> todayOf(report.getJsonArray("days", new JsonArray()), today))));
        }
        return CompletableFuture.completedFuture(dashboard);
    }

    private static List<Map<String, Object>> statusCounts(JsonArray orders) {
        Map<OrderStatus, Integer> counts = new EnumMap<>(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            counts.put(status, 0);
        }
        for (Object order : orders) {
            if (order instanceof JsonObject json && json.getValue("status") instanceof String status) {
                counts.computeIfPresent(OrderStatus.valueOf(status), (key, count) -> count + 1);
            }
        }
        List<Map<String, Object>> result = new ArrayList<>();
        counts.forEach((status, count) -> result.add(Map.of("status", status.name(), "count", count)));
        return result;
    }

    private static Object todayOf(JsonArray days, LocalDate today) {
        if (!days.isEmpty()) {
            return days.getValue(0);
        }
        Map<String, Object> none = new LinkedHashMap<>();
        none.put("date", today.toString());
        none.put("orders", 0);
        none.put("revenue", BigDecimal.ZERO.setScale(2));
        return none;
    }
}
