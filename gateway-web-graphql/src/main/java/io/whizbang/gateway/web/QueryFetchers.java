package io.whizbang.gateway.web;

import graphql.schema.DataFetcher;
import io.whizbang.examples.inventory.level.GetInventoryLevel;
import io.whizbang.examples.orders.summary.GetOrder;
import io.whizbang.examples.sales.daily.GetDailySales;

import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

import static io.whizbang.gateway.web.Fetchers.async;
import static io.whizbang.gateway.web.Fetchers.caller;

/**
 * The data fetchers of {@code Query.order}, {@code Query.inventory} and {@code Query.dailySales}: one lens call
 * each, the answer as its codec's JSON.
 */
final class QueryFetchers {
    private final BackendCalls backend;

    QueryFetchers(BackendCalls backend) {
        this.backend = backend;
    }

    /** {@code order(id)}: the order's summary; {@code NOT_FOUND} when the caller's tenant has no such order. */
    DataFetcher<CompletableFuture<Object>> order() {
        return env -> async(backend.ask(caller(env), new GetOrder(Arguments.uuid(env, "id"))));
    }

    /** {@code inventory(sku)}: the SKU's stock, with what is available worked out. */
    DataFetcher<CompletableFuture<Object>> inventory() {
        return env -> async(backend.ask(caller(env), new GetInventoryLevel(Arguments.text(env, "sku")))
                .map(level -> {
                    if (level.getValue("onHand") instanceof Number onHand
                            && level.getValue("reserved") instanceof Number reserved) {
                        level.put("available", onHand.intValue() - reserved.intValue());
                    }
                    return level;
                }));
    }

    /** {@code dailySales(from, to)}: the days of the range that had standing orders. */
    DataFetcher<CompletableFuture<Object>> dailySales() {
        return env -> {
            LocalDate from = env.getArgument("from");
            LocalDate to = env.getArgument("to");
            return async(backend.ask(caller(env), new GetDailySales(from, to)).map(report -> report.getValue("days")));
        };
    }
}
