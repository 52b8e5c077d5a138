package io.whizbang.gateway.web;

import graphql.schema.DataFetcher;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.whizbang.error.PermanentException;
import io.whizbang.examples.Scopes;
import io.whizbang.examples.orders.Order;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.StreamId;
import io.whizbang.security.Principal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static io.whizbang.gateway.web.Fetchers.async;
import static io.whizbang.gateway.web.Fetchers.caller;

/**
 * The data fetchers of the subscriptions: each checks the caller's scopes, then gives graphql-java a
 * {@link LiveEvents} stream of the ledger, read over the event bus and filtered to the caller's tenant.
 *
 * <p>The ledger serves every tenant's events, so the gateway itself keeps a caller to its tenant and to the event
 * types its scopes allow; nothing of another tenant is ever mapped, let alone sent.
 */
final class SubscriptionFetchers {
    /** The most events of one order replayed before the live part. */
    static final int MAX_ORDER_HISTORY = 1000;

    private final Vertx vertx;
    private final Ledger ledger;
    private final EventMaps maps;
    private final int batchSize;
    private final AtomicInteger active;

    SubscriptionFetchers(Vertx vertx, Ledger ledger, EventMaps maps, int batchSize, AtomicInteger active) {
        this.vertx = vertx;
        this.ledger = ledger;
        this.maps = maps;
        this.batchSize = batchSize;
        this.active = active;
    }

    /**
     * {@code orderEvents(orderId)}: the order's events so far, then live; {@code NOT_FOUND} when the caller's tenant
     * has no such order.
     */
    DataFetcher<CompletableFuture<Object>> orderEvents() {
        return env -> {
            UUID orderId = Arguments.uuid(env, "orderId");
            StreamId stream = Order.streamOf(orderId);
            return async(caller(env).principal().compose(principal -> {
                requireScope(principal, Scopes.ORDERS_READ, "watch an order's events");
                String tenant = principal.tenant();
                return ledger.head().compose(head -> ledger.readStream(tenant, stream, 1, MAX_ORDER_HISTORY)
                        .compose(slice -> {
                            if (slice.events().isEmpty()) {
                                return Future.failedFuture(PermanentException.notFound("order " + orderId
                                        + " not found"));
                            }
                            List<JsonObject> history = new ArrayList<>();
                            for (RecordedEvent event : slice.events()) {
                                JsonObject selected = event.position() <= head
                                        ? select(event, tenant, stream, EnumSet.allOf(EventKind.class)) : null;
                                if (selected != null) {
                                    history.add(selected);
                                }
                            }
                            return Future.succeededFuture(new LiveEvents(vertx, ledger, history, head,
                                    event -> select(event, tenant, stream, EnumSet.allOf(EventKind.class)),
                                    batchSize, active));
                        }));
            }));
        };
    }

    /** {@code tenantEvents(types)}: the tenant's events of the types, live from now on. */
    DataFetcher<CompletableFuture<Object>> tenantEvents() {
        return env -> {
            List<String> types = env.getArgument("types");
            return async(caller(env).principal().compose(principal -> {
                Set<EventKind> kinds = permittedKinds(principal, types);
                String tenant = principal.tenant();
                return ledger.head().map(head -> new LiveEvents(vertx, ledger, List.of(), head,
                        event -> select(event, tenant, null, kinds), batchSize, active));
            }));
        };
    }

    private JsonObject select(RecordedEvent event, String tenant, StreamId stream, Set<EventKind> kinds) {
        if (!event.tenant().equals(tenant) || (stream != null && !stream.equals(event.stream()))) {
            return null;
        }
        EventKind kind = EventKind.ofTypeName(event.type());
        return kind != null && kinds.contains(kind) ? maps.map(event, kind) : null;
    }

    private static Set<EventKind> permittedKinds(Principal principal, List<String> types) {
        if (types == null) {
            Set<EventKind> allowed = EnumSet.noneOf(EventKind.class);
            for (EventKind kind : EventKind.values()) {
                if (principal.hasScope(kind.scope())) {
                    allowed.add(kind);
                }
            }
            if (allowed.isEmpty()) {
                throw PermanentException.denied("watching the tenant's events needs the scope "
                        + Scopes.ORDERS_READ + " or " + Scopes.INVENTORY_READ);
            }
            return allowed;
        }
        Set<EventKind> asked = EnumSet.noneOf(EventKind.class);
        for (String type : types) {
            EventKind kind = EventKind.valueOf(type);
            requireScope(principal, kind.scope(), "watch " + type + " events");
            asked.add(kind);
        }
        if (asked.isEmpty()) {
            throw PermanentException.invalid("types: name at least one event type, or leave types out for all");
        }
        return asked;
    }

    private static void requireScope(Principal principal, String scope, String what) {
        if (!principal.hasScope(scope)) {
            throw PermanentException.denied("the principal " + principal.subject() + " needs the scope " + scope
                    + " to " + what);
        }
    }
}
