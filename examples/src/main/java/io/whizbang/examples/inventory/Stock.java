package io.whizbang.examples.inventory;

import io.whizbang.ledger.StreamId;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The stock of one SKU as the inventory receptors decide on it: what is on hand and what orders hold.
 *
 * @param onHand       the units in the warehouse
 * @param reserved     the units held for orders, the sum of {@code reservations}
 * @param reservations the units each order holds, by order id
 */
public record Stock(int onHand, int reserved, Map<String, Integer> reservations) {
    /** The category of inventory streams: {@code Inventory-<sku>}. */
    public static final String STREAM_CATEGORY = "Inventory";
    /** The stock of a SKU nobody has restocked yet. */
    public static final Stock NONE = new Stock(0, 0, Map.of());
    /** The most units one command may restock, reserve or release. */
    public static final int MAX_QUANTITY = 1_000_000;

    public Stock {
        Objects.requireNonNull(reservations, "reservations");
        reservations = Collections.unmodifiableMap(new LinkedHashMap<>(reservations));
    }

    /** The stream of the SKU. */
    public static StreamId streamOf(String sku) {
        return StreamId.of(STREAM_CATEGORY, sku);
    }

    /** The units neither shipped nor held for an order. */
    public int available() {
        return onHand - reserved;
    }

    /** The units the order holds, 0 when it holds none. */
    public int reservedFor(UUID orderId) {
        return reservations.getOrDefault(orderId.toString(), 0);
    }

    /** The stock after more units arrived. */
    public Stock restocked(int quantity) {
        return new Stock(onHand + quantity, reserved, reservations);
    }

    /** The stock after the order reserved units. */
    public Stock reservedBy(UUID orderId, int quantity) {
        Map<String, Integer> more = new LinkedHashMap<>(reservations);
        more.merge(orderId.toString(), quantity, Integer::sum);
        return new Stock(onHand, reserved + quantity, more);
    }

    /** The stock after the order gave back what it held. */
    public Stock releasedBy(UUID orderId) {
        Map<String, Integer> fewer = new LinkedHashMap<>(reservations);
        Integer held = fewer.remove(orderId.toString());
        return new Stock(onHand, reserved - (held == null ? 0 : held), fewer);
    }
}
