package io.whizbang.gateway.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.UUID;

/**
 * What the gateway's tests share: one back end and gateway per test class (tests keep apart by using their own
 * tenants, customers and SKUs), and the GraphQL operations they send.
 */
@ExtendWith(VertxExtension.class)
abstract class GatewayTestSupport {
    static final String PLACE_ORDER = """
            mutation Place($input: PlaceOrderInput!) {
              placeOrder(input: $input) { orderId version }
            }""";
    static final String RESTOCK = """
            mutation Restock($sku: String!, $quantity: Int!) {
              restockItem(sku: $sku, quantity: $quantity) { sku version }
            }""";
    static final String ORDER = """
            query Order($id: ID!) {
              order(id: $id) { id customerId status total placedAt version cancelReason
                               lines { sku quantity unitPrice } }
            }""";

    static GatewayFixture fixture;

    @BeforeAll
    static void startGateway(Vertx vertx, VertxTestContext ctx, @TempDir Path dataDir) {
        GatewayFixture.start(vertx, dataDir).onComplete(ctx.succeeding(started -> {
            fixture = started;
            ctx.completeNow();
        }));
    }

    @AfterAll
    static void stopGateway(VertxTestContext ctx) {
        fixture.stop().onComplete(ctx.succeedingThenComplete());
    }

    /** A tenant no other test uses. */
    static String newTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A SKU no other test uses. */
    static String newSku() {
        return "SKU-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Restocks the SKU through GraphQL. */
    static Future<JsonObject> restock(String token, String sku, int quantity) {
        return fixture.graphql(token, RESTOCK, new JsonObject().put("sku", sku).put("quantity", quantity));
    }

    /** Places an order of one line through GraphQL; answers its id. */
    static Future<String> placeOrder(String token, UUID customerId, String sku, int quantity, String unitPrice) {
        return fixture.graphql(token, PLACE_ORDER, new JsonObject().put("input", orderInput(customerId, sku,
                        quantity, unitPrice)))
                .map(body -> {
                    if (body.containsKey("errors")) {
                        throw new AssertionError("placeOrder failed: " + body.encode());
                    }
                    return body.getJsonObject("data").getJsonObject("placeOrder").getString("orderId");
                });
    }

    /** The input of an order of one line. */
    static JsonObject orderInput(UUID customerId, String sku, int quantity, Object unitPrice) {
        return new JsonObject().put("customerId", customerId.toString()).put("lines", new JsonArray()
                .add(new JsonObject().put("sku", sku).put("quantity", quantity).put("unitPrice", unitPrice)));
    }

    /** The first error of a response body. */
    static JsonObject firstError(JsonObject body) {
        JsonArray errors = body.getJsonArray("errors");
        if (errors == null || errors.isEmpty()) {
            throw new AssertionError("expected an error, got " + body.encode());
        }
        return errors.getJsonObject(0);
    }

    /** The code of the first error of a response body. */
    static String codeOf(JsonObject body) {
        return firstError(body).getJsonObject("extensions").getString("code");
    }
}
