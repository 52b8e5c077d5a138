package io.whizbang.gateway.web;

import graphql.schema.DataFetcher;
import io.whizbang.dispatch.Receipt;
import io.whizbang.error.ValidationException;
import io.whizbang.examples.inventory.restock.RestockItem;
import io.whizbang.examples.orders.cancel.CancelOrder;
import io.whizbang.examples.orders.confirm.ConfirmOrder;
import io.whizbang.examples.orders.place.PlaceOrder;
import io.whizbang.examples.orders.ship.ShipOrder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.whizbang.gateway.web.Fetchers.async;
import static io.whizbang.gateway.web.Fetchers.caller;

/**
 * The data fetchers of the mutations: each builds its command (the generated codec reads {@code placeOrder}'s
 * input, so its rules name the field at fault), sends it through the dispatcher and answers with what the receipt
 * says was committed.
 */
final class MutationFetchers {
    private final BackendCalls backend;

    MutationFetchers(BackendCalls backend) {
        this.backend = backend;
    }

    /** {@code placeOrder(input)}: the new order's id and version. */
    DataFetcher<CompletableFuture<Object>> placeOrder() {
        return env -> {
            Map<String, Object> input = env.getArgument("input");
            PlaceOrder command;
            try {
                command = backend.codecs().of(PlaceOrder.class).decode(PlainJson.json(input));
            } catch (ValidationException invalid) {
                throw invalid.under("input");
            }
            return async(backend.send(caller(env), command).map(MutationFetchers::orderReceipt));
        };
    }

    /** {@code confirmOrder(orderId)}. */
    DataFetcher<CompletableFuture<Object>> confirmOrder() {
        return env -> async(backend.send(caller(env), new ConfirmOrder(Arguments.uuid(env, "orderId")))
                .map(MutationFetchers::orderReceipt));
    }

    /** {@code cancelOrder(orderId, reason)}. */
    DataFetcher<CompletableFuture<Object>> cancelOrder() {
        return env -> async(backend.send(caller(env), new CancelOrder(Arguments.uuid(env, "orderId"),
                Arguments.text(env, "reason"))).map(MutationFetchers::orderReceipt));
    }

    /** {@code shipOrder(orderId)}. */
    DataFetcher<CompletableFuture<Object>> shipOrder() {
        return env -> async(backend.send(caller(env), new ShipOrder(Arguments.uuid(env, "orderId")))
                .map(MutationFetchers::orderReceipt));
    }

    /** {@code restockItem(sku, quantity)}: the SKU and its stock stream's new version. */
    DataFetcher<CompletableFuture<Object>> restockItem() {
        return env -> {
            RestockItem command = new RestockItem(Arguments.text(env, "sku"), env.<Integer>getArgument("quantity"));
            return async(backend.send(caller(env), command).map(receipt -> {
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("sku", command.sku());
                answer.put("version", receipt.version());
                return answer;
            }));
        };
    }

    private static Map<String, Object> orderReceipt(Receipt receipt) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("orderId", receipt.stream().id());
        answer.put("version", receipt.version());
        return answer;
    }
}
