package io.whizbang.examples.orders.customer;

import io.vertx.core.Future;
import io.whizbang.examples.Scopes;
import io.whizbang.handler.Lens;
import io.whizbang.handler.LensContext;
import io.whizbang.handler.RequiresScope;
import io.whizbang.projection.DocumentQuery;

import java.util.Optional;

/**
 * Answers {@link ListCustomerOrders} from the customer orders of the asker's tenant, newest first.
 */
@RequiresScope(Scopes.ORDERS_READ)
public final class ListCustomerOrdersLens implements Lens<ListCustomerOrders, CustomerOrdersPage> {
    @Override
    public Future<CustomerOrdersPage> ask(ListCustomerOrders query, LensContext context) {
        DocumentQuery newestFirst = DocumentQuery.all(query.limit())
                .where("customerId", query.customerId().toString())
                .orderByDescending("placedAtMillis");
        DocumentQuery page = query.cursor().map(newestFirst::after).orElse(newestFirst);
        return context.documents(CustomerOrder.class).query(page)
                .map(found -> new CustomerOrdersPage(found.items(), Optional.ofNullable(found.nextCursor())));
    }
}
