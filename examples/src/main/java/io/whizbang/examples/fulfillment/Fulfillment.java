package io.whizbang.examples.fulfillment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The state of fulfilling one order: the stock asked for, the SKUs answered, and whether the order was cancelled.
 *
 * @param requested the units asked for per SKU, in the order of the order's lines; empty before the order is seen
 * @param reserved  the SKUs whose units are held for the order
 * @param rejected  the SKUs that could not be held
 * @param cancelled whether the saga cancelled the order
 */
public record Fulfillment(Map<String, Integer> requested, Set<String> reserved, Set<String> rejected,
                          boolean cancelled) {
    /** An instance that has not seen its order yet. */
    public static final Fulfillment NEW = new Fulfillment(Map.of(), Set.of(), Set.of(), false);

    public Fulfillment {
        // Insertion order is kept so that commands are sent in the order of the order's lines.
        requested = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(requested, "requested")));
        reserved = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(reserved, "reserved")));
        rejected = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(rejected, "rejected")));
    }

    /** Whether the saga has seen the order and asked for its stock. */
    public boolean started() {
        return !requested.isEmpty();
    }

    /** Whether the SKU was asked for and has not been answered yet. */
    public boolean awaits(String sku) {
        return requested.containsKey(sku) && !reserved.contains(sku) && !rejected.contains(sku);
    }

    /** Whether every SKU asked for is held. */
    public boolean allReserved() {
        return started() && reserved.containsAll(requested.keySet());
    }

    /** Whether every SKU asked for has been answered, held or not. */
    public boolean allAnswered() {
        return requested.keySet().stream().noneMatch(this::awaits);
    }

    /** The SKUs held, in the order they were asked for. */
    public List<String> reservedSkus() {
        return requested.keySet().stream().filter(reserved::contains).toList();
    }

    /** The SKUs not answered yet, in the order they were asked for. */
    public List<String> pendingSkus() {
        return requested.keySet().stream().filter(this::awaits).toList();
    }

    /** The state after asking for the units. */
    public Fulfillment requesting(Map<String, Integer> units) {
        return new Fulfillment(units, reserved, rejected, cancelled);
    }

    /** The state after the SKU was held. */
    public Fulfillment withReserved(String sku) {
        Set<String> more = new LinkedHashSet<>(reserved);
        more.add(sku);
        return new Fulfillment(requested, more, rejected, cancelled);
    }

    /** The state after the SKU could not be held. */
    public Fulfillment withRejected(String sku) {
        Set<String> more = new LinkedHashSet<>(rejected);
        more.add(sku);
        return new Fulfillment(requested, reserved, more, cancelled);
    }

    /** The state after the saga cancelled the order. */
    public Fulfillment withCancelled() {
        return new Fulfillment(requested, reserved, rejected, true);
    }
}
