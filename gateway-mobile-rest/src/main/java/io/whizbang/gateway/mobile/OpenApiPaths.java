package io.whizbang.gateway.mobile;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.whizbang.examples.Scopes;
import io.whizbang.examples.inventory.Sku;
import io.whizbang.examples.orders.customer.ListCustomerOrders;
import io.whizbang.examples.sales.daily.GetDailySales;

import static io.whizbang.gateway.mobile.OpenApi.content;
import static io.whizbang.gateway.mobile.OpenApi.integer;
import static io.whizbang.gateway.mobile.OpenApi.jsonBody;
import static io.whizbang.gateway.mobile.OpenApi.parameter;
import static io.whizbang.gateway.mobile.OpenApi.response;
import static io.whizbang.gateway.mobile.OpenApi.schemaRef;
import static io.whizbang.gateway.mobile.OpenApi.string;

/**
 * The paths of the mobile API: every route the gateway serves, with its parameters, bodies and answers.
 */
final class OpenApiPaths {
    private static final String[] COMMAND_ERRORS = {"400", "401", "403", "413", "415", "429", "500", "503", "504"};
    private static final String[] QUERY_ERRORS = {"400", "401", "403", "404", "429", "500", "503", "504"};

    private OpenApiPaths() {
    }

    /** Every path, by its template. */
    static JsonObject all() {
        return new JsonObject()
                .put("/api/orders", new JsonObject().put("post", operation("placeOrder", "Places an order.",
                        Scopes.ORDERS_WRITE, new JsonArray(), jsonBody("PlaceOrderRequest", true, "The order."),
                        new JsonObject().put("201", response("Placed; its events are durable.",
                                content(Responses.JSON, schemaRef("OrderCreated")), new JsonObject()
                                        .put("Location", header("The order's URL, /api/orders/{id}.")))),
                        COMMAND_ERRORS)))
                .put("/api/orders/{id}", new JsonObject().put("get", getOrder()))
                .put("/api/orders/{id}/confirm", orderCommand("confirmOrder", "Confirms an order whose stock is "
                        + "reserved (the saga does this on its own).", null))
                .put("/api/orders/{id}/cancel", orderCommand("cancelOrder", "Cancels an order that was not shipped.",
                        jsonBody("CancelRequest", true, "Why.")))
                .put("/api/orders/{id}/ship", orderCommand("shipOrder", "Ships a confirmed order.", null))
                .put("/api/orders/{id}/events", new JsonObject().put("get", orderEvents()))
                .put("/api/customers/{id}/orders", new JsonObject().put("get", customerOrders()))
                .put("/api/inventory/{sku}/restock", new JsonObject().put("post", operation("restockItem",
                        "Adds units of a SKU.", Scopes.INVENTORY_WRITE, new JsonArray().add(sku()),
                        jsonBody("RestockRequest", true, "How many arrived."),
                        new JsonObject().put("202", response("Restocked; its event is durable.",
                                content(Responses.JSON, schemaRef("RestockAccepted")), new JsonObject())),
                        COMMAND_ERRORS)))
                .put("/api/inventory/{sku}", new JsonObject().put("get", operation("getInventoryLevel",
                        "Reads the stock of a SKU; 404 when it was never restocked.", Scopes.INVENTORY_READ,
                        new JsonArray().add(sku()), null, ok(schemaRef("InventoryLevel")), QUERY_ERRORS)))
                .put("/api/sales/daily", new JsonObject().put("get", operation("getDailySales",
                        "Reads the sales of each day from one date to another (UTC, both included, at most "
                                + GetDailySales.MAX_DAYS + " days); only days with sales are listed.",
                        Scopes.ORDERS_READ, new JsonArray()
                                .add(parameter("from", "query", true, string("date", "ISO date"), "The first day."))
                                .add(parameter("to", "query", true, string("date", "ISO date"), "The last day.")),
                        null, ok(OpenApi.array(schemaRef("DailySales"), "The days, earliest first.")),
                        QUERY_ERRORS)))
                .put("/openapi.json", open("getOpenApi", "This document.", "The OpenAPI 3.0 document."))
                .put("/health", open("getHealth", "Liveness: the process is up.", "{\"status\":\"UP\"}"))
                .put("/ready", open("getReadiness", "Readiness: the dispatcher answers on the event bus; 503 "
                        + "with the reason when it does not.", "{\"status\":\"READY\"}"));
    }

    private static JsonObject getOrder() {
        JsonObject headers = new JsonObject()
                .put("ETag", header("W/\"<version>\": a weak tag of the order's stream version."))
                .put("Cache-Control", header("private, no-cache: revalidate with If-None-Match."));
        return operation("getOrder", "Reads an order's summary; 404 for an unknown order or another tenant's.",
                Scopes.ORDERS_READ, new JsonArray().add(orderId()).add(parameter("If-None-Match", "header", false,
                        string(null, "ETags"), "The ETag of the copy the client holds; 304 when it is current.")),
                null, new JsonObject()
                        .put("200", response("The summary.", content(Responses.JSON, schemaRef("OrderSummary")),
                                headers))
                        .put("304", response("The client's copy is current; no body.", null, headers)),
                QUERY_ERRORS);
    }

    private static JsonObject orderEvents() {
        return operation("watchOrderEvents", "Streams an order's events as Server-Sent Events: those recorded, "
                        + "then each new one live, until the client disconnects. Each event has id = ledger "
                        + "position, event = type, data = an OrderEvent.", Scopes.ORDERS_READ,
                new JsonArray().add(orderId()), null, new JsonObject().put("200", response("The event stream.",
                        content("text/event-stream", string(null, "SSE frames whose data is an OrderEvent.")
                                .put("x-data-schema", schemaRef("OrderEvent"))), new JsonObject())),
                QUERY_ERRORS);
    }

    private static JsonObject customerOrders() {
        return operation("listCustomerOrders", "Reads one page of a customer's orders, newest first.",
                Scopes.ORDERS_READ, new JsonArray()
                        .add(parameter("id", "path", true, string("uuid", "The customer."), "The customer."))
                        .add(parameter("limit", "query", false, integer("int32", 1, ListCustomerOrders.MAX_LIMIT,
                                "The page size; the gateway's default page size when absent."), "The page size."))
                        .add(parameter("cursor", "query", false, string(null, "Opaque."),
                                "The nextCursor of the previous page; absent for the first page."))
                        .add(parameter("fields", "query", false, string(null, "Comma-separated names of "
                                + String.join(", ", CustomerOrderRoutes.ITEM_FIELDS)), "The top-level fields of "
                                + "each item to keep; all when absent; an unknown name is a 400.")),
                null, ok(schemaRef("CustomerOrdersPage")), QUERY_ERRORS);
    }

    private static JsonObject orderCommand(String id, String summary, JsonObject body) {
        JsonObject post = operation(id, summary, Scopes.ORDERS_WRITE, new JsonArray().add(orderId()), body,
                new JsonObject().put("202", response("Done; its event is durable.",
                        content(Responses.JSON, schemaRef("CommandAccepted")), new JsonObject()))
                        .put("404", OpenApi.responseRef("NotFound"))
                        .put("409", OpenApi.responseRef("Conflict")), COMMAND_ERRORS);
        return new JsonObject().put("post", post);
    }

    private static JsonObject operation(String id, String summary, String scope, JsonArray parameters,
                                        JsonObject body, JsonObject responses, String... errors) {
        parameters.add(new JsonObject().put("$ref", "#/components/parameters/CorrelationId"));
        JsonObject all = responses.copy();
        for (String status : errors) {
            all.put(status, OpenApi.responseRef(OpenApiDocument.ERROR_RESPONSES.get(status)));
        }
        JsonObject operation = new JsonObject().put("operationId", id).put("summary", summary)
                .put("description", summary + " Needs the scope " + scope + ".")
                .put("security", new JsonArray().add(new JsonObject().put("bearer", new JsonArray())))
                .put("x-required-scope", scope)
                .put("parameters", parameters).put("responses", all);
        return body == null ? operation : operation.put("requestBody", body);
    }

    private static JsonObject open(String id, String summary, String answer) {
        return new JsonObject().put("get", new JsonObject().put("operationId", id).put("summary", summary)
                .put("security", new JsonArray())
                .put("parameters", new JsonArray().add(new JsonObject()
                        .put("$ref", "#/components/parameters/CorrelationId")))
                .put("responses", new JsonObject().put("200", response(answer, content(Responses.JSON,
                        new JsonObject().put("type", "object")), new JsonObject()))));
    }

    private static JsonObject ok(JsonObject schema) {
        return new JsonObject().put("200", response("The answer.", content(Responses.JSON, schema),
                new JsonObject()));
    }

    private static JsonObject orderId() {
        return parameter("id", "path", true, string("uuid", "The order."), "The order's id.");
    }

    private static JsonObject sku() {
        return parameter("sku", "path", true, string(1, Sku.MAX_LENGTH, "The stock-keeping unit."),
                "The SKU, URL-encoded.");
    }

    private static JsonObject header(String description) {
        return new JsonObject().put("description", description).put("schema", new JsonObject().put("type", "string"));
    }
}
