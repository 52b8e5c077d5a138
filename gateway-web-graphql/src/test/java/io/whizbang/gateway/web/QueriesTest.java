package io.whizbang.gateway.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The queries of the schema over {@code POST /graphql}, against the sample's lenses. */
class QueriesTest extends GatewayTestSupport {
    private static final String CUSTOMER_ORDERS = """
            query Orders($customerId: ID!, $first: Int, $after: String) {
              customerOrders(customerId: $customerId, first: $first, after: $after) {
                edges { cursor node { id customerId status total placedAt } }
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              }
            }""";

    @Test
    void orderAnswersTheSummaryOfAConfirmedOrder(VertxTestContext ctx) {
        String token = fixture.token(newTenant());
        String sku = newSku();
        UUID customer = UUID.randomUUID();
        restock(token, sku, 10)
                .compose(v -> placeOrder(token, customer, sku, 2, "12.5"))
                .compose(orderId -> fixture.backend().settle()
                        .compose(v -> fixture.graphql(token, ORDER, new JsonObject().put("id", orderId)))
                        .map(body -> {
                            ctx.verify(() -> {
                                assertThat(body.containsKey("errors")).as(body.encode()).isFalse();
                                JsonObject order = body.getJsonObject("data").getJsonObject("order");
                                assertThat(order.getString("id")).isEqualTo(orderId);
                                assertThat(order.getString("customerId")).isEqualTo(customer.toString());
                                assertThat(order.getString("status")).isEqualTo("CONFIRMED");
                                assertThat(order.getString("total")).isEqualTo("25.00");
                                assertThat(order.getLong("version")).isEqualTo(2L);
                                assertThat(order.getValue("cancelReason")).isNull();
                                assertThat(order.getJsonArray("lines")).containsExactly(new JsonObject()
                                        .put("sku", sku).put("quantity", 2).put("unitPrice", "12.50"));
                            });
                            return body;
                        }))
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void anUnknownOrderIsNotFoundAtItsFieldWithNullData(VertxTestContext ctx) {
        fixture.graphql(fixture.token(newTenant()), ORDER, new JsonObject().put("id", UUID.randomUUID().toString()))
                .onComplete(ctx.succeeding(body -> ctx.verify(() -> {
                    assertThat(body.getJsonObject("data").getValue("order")).isNull();
                    assertThat(codeOf(body)).isEqualTo("NOT_FOUND");
                    assertThat(firstError(body).getJsonArray("path")).containsExactly("order");
                    ctx.completeNow();
                })));
    }

    @Test
    void customerOrdersArePagedNewestFirstThroughEdgeCursors(VertxTestContext ctx) {
        String token = fixture.token(newTenant());
        String sku = newSku();
        UUID customer = UUID.randomUUID();
        List<String> placed = new ArrayList<>();
        Future<Void> chain = restock(token, sku, 100).mapEmpty();
        for (int i = 0; i < 5; i++) {
            chain = chain.compose(v -> placeOrder(token, customer, sku, 1, "1.00").map(id -> {
                placed.add(0, id);
                return null;
            }));
        }
        chain.compose(v -> fixture.backend().settle())
                .compose(v -> page(token, customer, 2, null))
                .compose(first -> {
                    ctx.verify(() -> {
                        assertThat(ids(first)).containsExactlyElementsOf(placed.subList(0, 2));
                        assertThat(first.getJsonObject("pageInfo").getBoolean("hasNextPage")).isTrue();
                        assertThat(first.getJsonObject("pageInfo").getBoolean("hasPreviousPage")).isFalse();
                    });
                    return page(token, customer, 2, first.getJsonObject("pageInfo").getString("endCursor"));
                })
                .compose(second -> {
                    ctx.verify(() -> {
                        assertThat(ids(second)).containsExactlyElementsOf(placed.subList(2, 4));
                        assertThat(second.getJsonObject("pageInfo").getBoolean("hasNextPage")).isTrue();
                    });
                    return page(token, customer, 2, second.getJsonObject("pageInfo").getString("endCursor"));
                })
                .compose(last -> {
                    ctx.verify(() -> {
                        assertThat(ids(last)).containsExactly(placed.get(4));
                        assertThat(last.getJsonObject("pageInfo").getBoolean("hasNextPage")).isFalse();
                    });
                    return page(token, customer, 3, null);
                })
                .compose(wide -> {
                    // any edge's cursor reads on after that edge, not only the page's end cursor
                    String afterFirst = wide.getJsonArray("edges").getJsonObject(0).getString("cursor");
                    return page(token, customer, 10, afterFirst);
                })
                .onComplete(ctx.succeeding(rest -> ctx.verify(() -> {
                    assertThat(ids(rest)).containsExactlyElementsOf(placed.subList(1, 5));
                    assertThat(rest.getJsonObject("pageInfo").getBoolean("hasNextPage")).isFalse();
                    ctx.completeNow();
                })));
    }

    @Test
    void aCursorTheConnectionDidNotGiveOutIsInvalid(VertxTestContext ctx) {
        fixture.graphql(fixture.token(newTenant()), CUSTOMER_ORDERS, new JsonObject()
                        .put("customerId", UUID.randomUUID().toString()).put("first", 2).put("after", "bm9wZQ"))
                .onComplete(ctx.succeeding(body -> ctx.verify(() -> {
                    assertThat(codeOf(body)).isEqualTo("INVALID_ARGUMENT");
                    assertThat(firstError(body).getString("message")).startsWith("after:");
                    ctx.completeNow();
                })));
    }

    @Test
    void inventoryShowsWhatIsOnHandReservedAndAvailable(VertxTestContext ctx) {
        String token = fixture.token(newTenant());
        String sku = newSku();
        restock(token, sku, 10)
                .compose(v -> placeOrder(token, UUID.randomUUID(), sku, 3, "2.00"))
                .compose(v -> fixture.backend().settle())
                .compose(v -> fixture.graphql(token, "query($sku: String!) { inventory(sku: $sku) "
                        + "{ sku onHand reserved available } }", new JsonObject().put("sku", sku)))
                .onComplete(ctx.succeeding(body -> ctx.verify(() -> {
                    assertThat(body.getJsonObject("data").getJsonObject("inventory")).isEqualTo(new JsonObject()
                            .put("sku", sku).put("onHand", 10).put("reserved", 3).put("available", 7));
                    ctx.completeNow();
                })));
    }

    @Test
    void dailySalesSumTheDaysOrders(VertxTestContext ctx) {
        String token = fixture.token(newTenant());
        String sku = newSku();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        restock(token, sku, 10)
                .compose(v -> placeOrder(token, UUID.randomUUID(), sku, 2, "3.25"))
                .compose(v -> placeOrder(token, UUID.randomUUID(), sku, 1, "1.00"))
                .compose(v -> fixture.backend().settle())
                .compose(v -> fixture.graphql(token, "query($from: Date!, $to: Date!) { dailySales(from: $from, "
                        + "to: $to) { date orders revenue } }", new JsonObject().put("from", today).put("to", today)))
                .onComplete(ctx.succeeding(body -> ctx.verify(() -> {
                    assertThat(body.getJsonObject("data").getJsonArray("dailySales")).containsExactly(new JsonObject()
                            .put("date", today).put("orders", 2).put("revenue", "7.50"));
                    ctx.completeNow();
                })));
    }

    @Test
    void dashboardAggregatesRecentOrdersTheirStatusesAndTodaysSalesInOneRoundTrip(VertxTestContext ctx) {
        String token = fixture.token(newTenant());
        String sku = newSku();
        UUID customer = UUID.randomUUID();
        restock(token, sku, 1)
                .compose(v -> placeOrder(token, customer, sku, 1, "4.00"))
                .compose(v -> placeOrder(token, customer, sku, 5, "1.00"))
                .compose(v -> fixture.backend().settle())
                .compose(v -> fixture.graphql(token, """
                        query($customerId: ID!) {
                          dashboard(customerId: $customerId, recentOrders: 5) {
                            customerId
                            recentOrders { id status total }
                            statusCounts { status count }
                            todaySales { date orders revenue }
                          }
                        }""", new JsonObject().put("customerId", customer.toString())))
                .onComplete(ctx.succeeding(body -> ctx.verify(() -> {
                    assertThat(body.containsKey("errors")).as(body.encode()).isFalse();
                    JsonObject dashboard = body.getJsonObject("data").getJsonObject("dashboard");
                    assertThat(dashboard.getString("customerId")).isEqualTo(customer.toString());
                    JsonArray recent = dashboard.getJsonArray("recentOrders");
                    assertThat(recent).hasSize(2);
                    // the second order asked for more than the stock: the saga cancelled it
                    assertThat(recent.getJsonObject(0).getString("status")).isEqualTo("CANCELLED");
                    assertThat(recent.getJsonObject(1).getString("status")).isEqualTo("CONFIRMED");
                    assertThat(dashboard.getJsonArray("statusCounts")).contains(
                            new JsonObject().put("status", "CONFIRMED").put("count", 1),
                            new JsonObject().put("status", "CANCELLED").put("count", 1),
                            new JsonObject().put("status", "PLACED").put("count", 0));
                    assertThat(dashboard.getJsonObject("todaySales").getInteger("orders")).isEqualTo(1);
                    assertThat(dashboard.getJsonObject("todaySales").getString("revenue")).isEqualTo("4.00");
                    ctx.completeNow();
                })));
    }

    @Test
    void everyResponseCarriesTheCallersCorrelationId(VertxTestContext ctx) {
        fixture.graphql(fixture.token(newTenant()), ORDER, new JsonObject().put("id", UUID.randomUUID().toString()),
                        "journey-7")
                .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
                    assertThat(response.getHeader("X-Correlation-Id")).isEqualTo("journey-7");
                    assertThat(response.bodyAsJsonObject().getJsonObject("extensions").getString("correlationId"))
                            .isEqualTo("journey-7");
                    ctx.completeNow();
                })));
    }

    @Test
    void graphiqlIsServed(VertxTestContext ctx) {
        fixture.client().get(fixture.port(), "127.0.0.1", "/graphiql/").send()
                .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(response.getHeader("Content-Type")).startsWith("text/html");
                    assertThat(response.bodyAsString()).containsIgnoringCase("graphiql");
                    ctx.completeNow();
                })));
    }

    private static Future<JsonObject> page(String token, UUID customer, int first, String after) {
        JsonObject variables = new JsonObject().put("customerId", customer.toString()).put("first", first);
        if (after != null) {
            variables.put("after", after);
        }
        return fixture.graphql(token, CUSTOMER_ORDERS, variables).map(body -> {
            if (body.containsKey("errors")) {
                throw new AssertionError(body.encode());
            }
            return body.getJsonObject("data").getJsonObject("customerOrders");
        });
    }

    private static List<String> ids(JsonObject connection) {
        List<String> ids = new ArrayList<>();
        connection.getJsonArray("edges").forEach(edge -> ids.add(((JsonObject) edge).getJsonObject("node")
                .getString("id")));
        return ids;
    }
}
