package io.whizbang.examples.orders.customer;

import io.whizbang.error.ValidationException;
import io.whizbang.message.Query;

import java.util.Optional;
import java.util.UUID;

/**
 * Asks for one page of a customer's orders, newest first.
 *
 * @param customerId the customer
 * @param limit      the page size, 1 to {@value #MAX_LIMIT}
 * @param cursor     the {@link CustomerOrdersPage#nextCursor()} of the previous page, empty for the first
 */
public record ListCustomerOrders(UUID customerId, int limit, Optional<String> cursor)
        implements Query<CustomerOrdersPage> {
    /** The largest page. */
    public static final int MAX_LIMIT = 100;

    public ListCustomerOrders {
        ValidationException.require(customerId != null, "customerId", "is required");
        ValidationException.require(limit >= 1 && limit <= MAX_LIMIT, "limit",
                "must be 1-" + MAX_LIMIT + ", was " + limit);
        ValidationException.require(cursor != null, "cursor", "must be empty rather than null");
    }

    /** The first page. */
    public static ListCustomerOrders firstPage(UUID customerId, int limit) {
        return new ListCustomerOrders(customerId, limit, Optional.empty());
    }
}
