package io.whizbang.gateway.mobile;

import io.vertx.core.json.JsonObject;
import io.whizbang.error.ErrorCode;
import io.whizbang.examples.inventory.Sku;
import io.whizbang.examples.inventory.Stock;
import io.whizbang.examples.orders.cancel.CancelOrder;
import io.whizbang.examples.orders.place.OrderLine;
import io.whizbang.examples.orders.place.PlaceOrder;

import java.util.Arrays;

import static io.whizbang.gateway.mobile.OpenApi.array;
import static io.whizbang.gateway.mobile.OpenApi.enumeration;
import static io.whizbang.gateway.mobile.OpenApi.integer;
import static io.whizbang.gateway.mobile.OpenApi.money;
import static io.whizbang.gateway.mobile.OpenApi.object;
import static io.whizbang.gateway.mobile.OpenApi.schemaRef;
import static io.whizbang.gateway.mobile.OpenApi.string;

/**
 * The schemas of the mobile API's bodies, as the sample's generated codecs read and write them; the bounds come from
 * the sample's own constants, so the document follows its rules.
 */
final class OpenApiSchemas {
    private OpenApiSchemas() {
    }

    /** Every schema, by name. */
    static JsonObject all() {
        return new JsonObject()
                .put("PlaceOrderRequest", object("An order to place.", new JsonObject()
                        .put("customerId", string("uuid", "The customer placing the order."))
                        .put("lines", array(schemaRef("OrderLine"), "What is ordered.")
                                .put("minItems", 1).put("maxItems", PlaceOrder.MAX_LINES)),
                        "customerId", "lines"))
                .put("OrderLine", object("One line of an order.", new JsonObject()
                        .put("sku", string(1, Sku.MAX_LENGTH, "The stock-keeping unit; not blank."))
                        .put("quantity", integer("int32", 1, OrderLine.MAX_QUANTITY, "How many."))
                        .put("unitPrice", money("The price of one; at most two decimals.")),
                        "sku", "quantity", "unitPrice"))
                .put("OrderCreated", object("The placed order.", new JsonObject()
                        .put("orderId", string("uuid", "The new order's id.")), "orderId"))
                .put("CancelRequest", object("Why an order is cancelled.", new JsonObject()
                        .put("reason", string(1, CancelOrder.MAX_REASON_LENGTH, "Why; not blank.")), "reason"))
                .put("CommandAccepted", object("A change to an order, durable.", new JsonObject()
                        .put("orderId", string("uuid", "The order."))
                        .put("version", integer("int64", "The version of the order's stream after the change.")),
                        "orderId", "version"))
                .put("RestockRequest", object("Units of a SKU that arrived.", new JsonObject()
                        .put("quantity", integer("int32", 1, Stock.MAX_QUANTITY, "How many arrived.")),
                        "quantity"))
                .put("RestockAccepted", object("A restock, durable.", new JsonObject()
                        .put("sku", string(null, "The stock-keeping unit."))
                        .put("version", integer("int64", "The version of the SKU's stock stream after it.")),
                        "sku", "version"))
                .put("OrderStatus", enumeration("Where an order stands.", "PLACED", "CONFIRMED", "CANCELLED",
                        "SHIPPED"))
                .put("OrderSummary", orderSummary())
                .put("CustomerOrder", customerOrder())
                .put("CustomerOrdersPage", object("One page of a customer's orders, newest first.", new JsonObject()
                        .put("items", array(schemaRef("CustomerOrder"), "The orders of this page; with fields= "
                                + "only the fields asked for."))
                        .put("nextCursor", string(null, "The cursor of the next page; null on the last page.")
                                .put("nullable", true)),
                        "items", "nextCursor"))
                .put("InventoryLevel", object("The stock of one SKU.", new JsonObject()
                        .put("sku", string(null, "The stock-keeping unit."))
                        .put("onHand", integer("int32", "Units in the warehouse."))
                        .put("reserved", integer("int32", "Units held for orders.")),
                        "sku", "onHand", "reserved"))
                .put("DailySales", object("The sales of one day (UTC).", new JsonObject()
                        .put("date", string("date", "The day."))
                        .put("orders", integer("int32", "Orders placed that day and not cancelled."))
                        .put("revenue", money("Their total.")),
                        "date", "orders", "revenue"))
                .put("OrderEvent", orderEvent())
                .put("Problem", problem());
    }

    private static JsonObject orderSummary() {
        return object("The summary of one order.", new JsonObject()
                        .put("orderId", string("uuid", "The order's id."))
                        .put("customerId", string("uuid", "The customer who placed it."))
                        .put("status", schemaRef("OrderStatus"))
                        .put("lines", array(schemaRef("OrderLine"), "What was ordered."))
                        .put("total", money("The sum of the lines."))
                        .put("placedAt", string("date-time", "When it was placed."))
                        .put("version", integer("int64", "The version of the order's stream; the ETag's source."))
                        .put("cancelReason", string(null, "Why it was cancelled; only when it was.")),
                "orderId", "customerId", "status", "lines", "total", "placedAt", "version");
    }

    private static JsonObject customerOrder() {
        return object("One order in a customer's list; fields= keeps only some of these fields.", new JsonObject()
                .put("orderId", string("uuid", "The order's id."))
                .put("customerId", string("uuid", "The customer who placed it."))
                .put("status", schemaRef("OrderStatus"))
                .put("total", money("The sum of its lines."))
                .put("placedAt", string("date-time", "When it was placed."))
                .put("placedAtMillis", integer("int64", "The same instant in epoch milliseconds.")));
    }

    private static JsonObject orderEvent() {
        return object("The data of one Server-Sent Event of an order's stream.", new JsonObject()
                        .put("type", string(null, "The event type, such as OrderPlaced or OrderConfirmed."))
                        .put("orderId", string("uuid", "The order."))
                        .put("version", integer("int64", "The event's version in the order's stream."))
                        .put("position", integer("int64", "The event's position in the ledger; also the SSE id."))
                        .put("recordedAt", string("date-time", "When it was recorded."))
                        .put("data", new JsonObject().put("type", "object")
                                .put("description", "The event's fields, at its current schema version.")),
                "type", "orderId", "version", "position", "recordedAt", "data");
    }

    private static JsonObject problem() {
        Object[] codes = Arrays.stream(ErrorCode.values()).map(ErrorCode::name).toArray();
        return object("An error (RFC 9457 problem details, application/problem+json).", new JsonObject()
                        .put("type", string("uri-reference", "Always about:blank: status and code say it all."))
                        .put("title", string(null, "The HTTP status's short name."))
                        .put("status", integer("int32", 400, 599, "The HTTP status."))
                        .put("detail", string(null, "What went wrong, naming what to check."))
                        .put("code", enumeration("The Whizbang error code, the same in every gateway.", codes))
                        .put("correlationId", string(null, "The correlation id the request ran under."))
                        .put("field", string(null, "The field at fault, such as lines[0].quantity; only for "
                                + "invalid input when known.")),
                "type", "title", "status", "detail", "code", "correlationId");
    }
}
