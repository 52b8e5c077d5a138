package io.whizbang.gateway.web;

import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The mutations of the schema over {@code POST /graphql}, against the sample's receptors. */
class MutationsTest extends GatewayTestSupport {
    private static final String CANCEL = """
            mutation($orderId: ID!, $reason: String!) { cancelOrder(orderId: $orderId, reason: $reason) {
              orderId version } }""";
    private static final String SHIP = "mutation($orderId: ID!) { shipOrder(orderId: $orderId) { orderId version } }";
    private static final String CONFIRM = """
            mutation($orderId: ID!) { confirmOrder(orderId: $orderId) { orderId version } }""";

    @Test
    void placeOrderAnswersTheNewOrdersIdAndVersion(VertxTestContext ctx) {
        String token = fixture.token(newTenant());
        fixture.graphql(token, PLACE_ORDER, new JsonObject().put("input", orderInput(UUID.randomUUID(), newSku(), 1,
                        9.99)))
                .onComplete(ctx.succeeding(body -> ctx.verify(() -> {
                    JsonObject receipt = body.getJsonObject("data").getJsonObject("placeOrder");
                    assertThat(UUID.fromString(receipt.getString("orderId"))).isNotNull();
                    assertThat(receipt.getLong("version")).isEqualTo(1L);
                    ctx.completeNow();
                })));
    }

    @Test
    void restockItemAnswersTheSkuAndItsStreamVersion(VertxTestContext ctx) {
        String token = fixture.token(newTenant());
        String sku = newSku();
        restock(token, sku, 5)
                .compose(first -> restock(token, sku, 5))
                .onComplete(ctx.succeeding(body -> ctx.verify(() -> {
                    assertThat(body.getJsonObject("data").getJsonObject("restockItem"))
                            .isEqualTo(new JsonObject().put("sku", sku).put("version", 2));
                    ctx.completeNow();
                })));
    }

    @Test
    void anOrderIsConfirmedShippedAndThenCannotBeCancelled(VertxTestContext ctx) {
        String token = fixture.token(newTenant());
        String sku = newSku();
        restock(token, sku, 5)
                .compose(v -> placeOrder(token, UUID.randomUUID(), sku, 1, "1.00"))
                .compose(orderId -> fixture.backend().settle()
                        .compose(v -> fixture.graphql(token, CONFIRM, new JsonObject().put("orderId", orderId)))
                        .compose(confirmed -> {
                            ctx.verify(() -> assertThat(confirmed.getJsonObject("data").getJsonObject("confirmOrder")
                                    .getString("orderId")).isEqualTo(orderId));
                            return fixture.graphql(token, SHIP, new JsonObject().put("orderId", orderId));
                        })
                        .compose(shipped -> {
                            ctx.verify(() -> assertThat(shipped.getJsonObject("data").getJsonObject("shipOrder")
                                    .getLong("version")).isEqualTo(3L));
                            return fixture.graphql(token, CANCEL, new JsonObject().put("orderId", orderId)
                                    .put("reason", "changed my mind"));
                        }))
                .onComplete(ctx.succeeding(body -> ctx.verify(() -> {
                    assertThat(body.getJsonObject("data").getValue("cancelOrder")).isNull();
                    assertThat(codeOf(body)).isEqualTo("CONFLICT");
                    assertThat(firstError(body).getString("message")).contains("shipped");
                    ctx.completeNow();
                })));
    }

    @Test
    void aRuleBreakingLineIsInvalidNamingTheFieldAndWritesNothing(VertxTestContext ctx) {
        String token = fixture.token(newTenant());
        fixture.backend().settle().compose(v -> fixture.backend().ledger().head()).compose(before ->
                        fixture.graphql(token, PLACE_ORDER, new JsonObject().put("input",
                                        orderInput(UUID.randomUUID(), newSku(), 0, "1.00")))
                                .compose(body -> fixture.backend().ledger().head().map(after -> {
                                    ctx.verify(() -> {
                                        assertThat(codeOf(body)).isEqualTo("INVALID_ARGUMENT");
                                        assertThat(firstError(body).getString("message"))
                                                .startsWith("input.lines[0].quantity: must be 1-10000");
                                        assertThat(after).isEqualTo(before);
                                    });
                                    return after;
                                })))
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void aPriceWithThreeDecimalsIsInvalid(VertxTestContext ctx) {
        fixture.graphql(fixture.token(newTenant()), PLACE_ORDER, new JsonObject().put("input",
                        orderInput(UUID.randomUUID(), newSku(), 1, "1.005")))
                .onComplete(ctx.succeeding(body -> ctx.verify(() -> {
                    assertThat(codeOf(body)).isEqualTo("INVALID_ARGUMENT");
                    assertThat(firstError(body).getString("message")).contains("unitPrice");
                    ctx.completeNow();
                })));
    }

    @Test
    void aPriceOfAbsurdMagnitudeIsInvalidBeforeAnyArithmetic(VertxTestContext ctx) {
        fixture.graphql(fixture.token(newTenant()), PLACE_ORDER, new JsonObject().put("input",
                        orderInput(UUID.randomUUID(), newSku(), 1, "1e999999999")))
                .onComplete(ctx.succeeding(body -> ctx.verify(() -> {
                    assertThat(codeOf(body)).isEqualTo("INVALID_ARGUMENT");
                    assertThat(firstError(body).getString("message")).contains("decimal number");
                    ctx.completeNow();
                })));
    }

    @Test
    void mutationsAlsoRunOverTheWebSocket(VertxTestContext ctx) {
        String token = fixture.token(newTenant());
        String sku = newSku();
        SubscriptionsTest.connected(token)
                .compose(client -> client.subscribe("m", RESTOCK, new JsonObject().put("sku", sku).put("quantity", 4))
                        .compose(v -> client.next("m"))
                        .compose(answer -> {
                            ctx.verify(() -> assertThat(answer.getJsonObject("payload").getJsonObject("data")
                                    .getJsonObject("restockItem")).isEqualTo(new JsonObject().put("sku", sku)
                                    .put("version", 1)));
                            return client.close();
                        }))
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void cancellingAnUnknownOrderIsACodedError(VertxTestContext ctx) {
        fixture.graphql(fixture.token(newTenant()), CANCEL, new JsonObject()
                        .put("orderId", UUID.randomUUID().toString()).put("reason", "no"))
                .onComplete(ctx.succeeding(body -> ctx.verify(() -> {
                    assertThat(codeOf(body)).isIn("NOT_FOUND", "CONFLICT");
                    ctx.completeNow();
                })));
    }
}
