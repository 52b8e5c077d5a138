package io.whizbang.examples.orders.customer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a customer's orders, newest first.
 *
 * @param items      the orders of this page
 * @param nextCursor the cursor of the next page, empty when this is the last
 */
public record CustomerOrdersPage(List<CustomerOrder> items, Optional<String> nextCursor) {
    public CustomerOrdersPage {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
