/**
 * The sample application of Whizbang: orders and inventory for many tenants, grouped by use case.
 *
 * <p>Each sub-package is one slice: {@code orders.place} holds the command, the event and the receptor of placing
 * an order; {@code orders.summary} the read model, the perspective, the query and the lens of one order.
 */
package io.whizbang.examples;
