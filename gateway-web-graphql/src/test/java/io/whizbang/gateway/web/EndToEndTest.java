package io.whizbang.gateway.web;

import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.whizbang.gateway.web.SubscriptionsTest.connected;
import static io.whizbang.gateway.web.SubscriptionsTest.event;
import static io.whizbang.gateway.web.SubscriptionsTest.live;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's journey through GraphQL alone: a browser watches its tenant's order events over WebSocket, restocks
 * and places an order over HTTP, sees the saga confirm it live, reads it back, and watches the order itself — while
 * another tenant does the same and none of it shows.
 */
class EndToEndTest extends GatewayTestSupport {
    private static final String WATCH = """
            subscription {
              tenantEvents(types: [ORDER_PLACED, ORDER_CONFIRMED]) {
                type streamId correlationId
                ... on OrderPlaced { orderId total }
                ... on OrderConfirmed { orderId }
              }
            }""";

    @Test
    void placeAnOrderSeeItConfirmedLiveReadItBackAndWatchIt(VertxTestContext ctx) {
        String acme = fixture.token(newTenant());
        String globex = fixture.token(newTenant());
        String sku = newSku();
        UUID customer = UUID.randomUUID();
        List<String> globexOrders = new ArrayList<>();
        connected(acme).compose(watcher -> watcher.subscribe("watch", WATCH, new JsonObject())
                        .compose(v -> live())
                        // another tenant places an order first: its events come earlier in the ledger
                        .compose(v -> restock(globex, sku, 10))
                        .compose(v -> placeOrder(globex, UUID.randomUUID(), sku, 1, "1.00").map(globexOrders::add))
                        // when
                        .compose(v -> restock(acme, sku, 10))
                        .compose(v -> placeOrder(acme, customer, sku, 4, "2.50"))
                        .compose(orderId -> watcher.next("watch")
                                // then the watcher sees its order placed, then confirmed by the saga
                                .compose(placed -> {
                                    ctx.verify(() -> {
                                        JsonObject event = event(placed, "tenantEvents");
                                        assertThat(event.getString("type")).isEqualTo("ORDER_PLACED");
                                        assertThat(event.getString("orderId")).isEqualTo(orderId);
                                        assertThat(event.getString("total")).isEqualTo("10.00");
                                    });
                                    return watcher.next("watch");
                                })
                                .compose(confirmed -> {
                                    ctx.verify(() -> {
                                        JsonObject event = event(confirmed, "tenantEvents");
                                        assertThat(event.getString("type")).isEqualTo("ORDER_CONFIRMED");
                                        assertThat(event.getString("orderId")).isEqualTo(orderId);
                                        assertThat(watcher.pending("watch")).isZero();
                                    });
                                    // and reads it back
                                    return fixture.backend().settle().compose(v -> fixture.graphql(acme, ORDER,
                                            new JsonObject().put("id", orderId)));
                                })
                                .compose(readBack -> {
                                    ctx.verify(() -> {
                                        JsonObject order = readBack.getJsonObject("data").getJsonObject("order");
                                        assertThat(order.getString("status")).isEqualTo("CONFIRMED");
                                        assertThat(order.getString("customerId")).isEqualTo(customer.toString());
                                        assertThat(order.getJsonArray("lines")).hasSize(1);
                                    });
                                    // and watches the order itself: its history, placed then confirmed
                                    return watcher.subscribe("order", SubscriptionsTest.ORDER_EVENTS,
                                            new JsonObject().put("orderId", orderId));
                                })
                                .compose(v -> watcher.next("order"))
                                .compose(placed -> {
                                    ctx.verify(() -> assertThat(event(placed, "orderEvents").getString("type"))
                                            .isEqualTo("ORDER_PLACED"));
                                    return watcher.next("order");
                                })
                                .compose(confirmed -> {
                                    ctx.verify(() -> {
                                        assertThat(event(confirmed, "orderEvents").getString("type"))
                                                .isEqualTo("ORDER_CONFIRMED");
                                        // nothing of the other tenant reached this connection
                                        assertThat(watcher.pending("watch")).isZero();
                                        assertThat(globexOrders).hasSize(1);
                                    });
                                    return watcher.complete("order");
                                }))
                        .compose(v -> watcher.complete("watch"))
                        .compose(v -> watcher.close()))
                .onComplete(ctx.succeedingThenComplete());
    }
}
