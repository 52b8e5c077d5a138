package io.whizbang.gateway.web;

import io.whizbang.examples.Scopes;

import java.util.HashMap;
import java.util.Map;

/**
 * The events the schema streams: each with its {@code EventType} enum value, its ledger type name (which is also
 * its GraphQL object type) and the scope a caller needs to see it.
 */
enum EventKind {
    ORDER_PLACED("OrderPlaced", Scopes.ORDERS_READ),
    ORDER_CONFIRMED("OrderConfirmed", Scopes.ORDERS_READ),
    ORDER_CANCELLED("OrderCancelled", Scopes.ORDERS_READ),
    ORDER_SHIPPED("OrderShipped", Scopes.ORDERS_READ),
    STOCK_RESTOCKED("StockRestocked", Scopes.INVENTORY_READ),
    STOCK_RESERVED("StockReserved", Scopes.INVENTORY_READ),
    STOCK_RESERVATION_REJECTED("StockReservationRejected", Scopes.INVENTORY_READ),
    STOCK_RELEASED("StockReleased", Scopes.INVENTORY_READ);

    private static final Map<String, EventKind> BY_TYPE_NAME = new HashMap<>();

    static {
        for (EventKind kind : values()) {
            BY_TYPE_NAME.put(kind.typeName, kind);
        }
    }

    private final String typeName;
    private final String scope;

    EventKind(String typeName, String scope) {
        this.typeName = typeName;
        this.scope = scope;
    }

    /** The kind of a ledger event type, or {@code null} for a type the schema does not stream. */
    static EventKind ofTypeName(String typeName) {
        return BY_TYPE_NAME.get(typeName);
    }

    /** The ledger's (and the GraphQL object type's) name of the event. */
    String typeName() {
        return typeName;
    }

    /** The scope a caller needs to receive the event. */
    String scope() {
        return scope;
    }
}
