package io.whizbang.gateway.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.examples.Scopes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Subscriptions over WebSocket with a real graphql-transport-ws client: authentication at {@code connection_init}
 * or on the upgrade, the order's history then its live events, the tenant's events and no other tenant's, scopes,
 * and the ledger subscription ending when the client completes or goes away.
 */
class SubscriptionsTest extends GatewayTestSupport {
    static final String ORDER_EVENTS = """
            subscription($orderId: ID!) {
              orderEvents(orderId: $orderId) {
                type streamId version position eventId occurredAt correlationId
                ... on OrderPlaced { orderId customerId total lines { sku quantity unitPrice } }
                ... on OrderConfirmed { orderId }
                ... on OrderShipped { orderId }
              }
            }""";
    static final String TENANT_EVENTS = """
            subscription($types: [EventType!]) {
              tenantEvents(types: $types) {
                type streamId
                ... on OrderPlaced { orderId }
                ... on OrderConfirmed { orderId }
                ... on StockRestocked { sku quantity }
              }
            }""";

    @AfterEach
    void everyLiveSubscriptionEnds() {
        soon().until(() -> fixture.gateway().liveSubscriptions() == 0);
    }

    @Test
    void theServerSpeaksGraphqlTransportWs(VertxTestContext ctx) {
        TransportWsClient.connect(fixture.vertx(), fixture.port(), null)
                .compose(client -> {
                    ctx.verify(() -> assertThat(client.subProtocol()).isEqualTo("graphql-transport-ws"));
                    return client.init(new JsonObject()).compose(ack -> client.close());
                })
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void orderEventsReplayTheOrderThenStreamItLiveUntilTheClientCompletes(VertxTestContext ctx) {
        String token = fixture.token(newTenant());
        String sku = newSku();
        UUID customer = UUID.randomUUID();
        restock(token, sku, 5)
                .compose(v -> placeOrder(token, customer, sku, 2, "3.00"))
                .compose(orderId -> fixture.backend().settle()
                        .compose(v -> connected(token))
                        .compose(client -> client.subscribe("1", ORDER_EVENTS, new JsonObject()
                                        .put("orderId", orderId))
                                .compose(v -> client.next("1"))
                                .compose(placed -> {
                                    ctx.verify(() -> {
                                        JsonObject event = event(placed, "orderEvents");
                                        assertThat(event.getString("type")).isEqualTo("ORDER_PLACED");
                                        assertThat(event.getString("orderId")).isEqualTo(orderId);
                                        assertThat(event.getString("customerId")).isEqualTo(customer.toString());
                                        assertThat(event.getString("total")).isEqualTo("6.00");
                                        assertThat(event.getString("streamId")).isEqualTo("Order-" + orderId);
                                        assertThat(event.getLong("version")).isEqualTo(1L);
                                        assertThat(placed.getJsonObject("payload").getJsonObject("extensions")
                                                .getString("correlationId")).isNotBlank();
                                    });
                                    return client.next("1");
                                })
                                .compose(confirmed -> {
                                    ctx.verify(() -> assertThat(event(confirmed, "orderEvents").getString("type"))
                                            .isEqualTo("ORDER_CONFIRMED"));
                                    return fixture.graphql(token, "mutation($id: ID!) { shipOrder(orderId: $id) "
                                            + "{ version } }", new JsonObject().put("id", orderId));
                                })
                                .compose(shipped -> client.next("1"))
                                .compose(shipped -> {
                                    ctx.verify(() -> {
                                        JsonObject event = event(shipped, "orderEvents");
                                        assertThat(event.getString("type")).isEqualTo("ORDER_SHIPPED");
                                        assertThat(event.getLong("version")).isEqualTo(3L);
                                    });
                                    return client.complete("1");
                                })
                                .compose(v -> client.close())))
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void tenantEventsShowOnlyTheCallersTenant(VertxTestContext ctx) {
        String acme = fixture.token(newTenant());
        String globex = fixture.token(newTenant());
        String acmeSku = newSku();
        String globexSku = newSku();
        connected(acme).compose(client -> client.subscribe("all", TENANT_EVENTS, new JsonObject()
                                .put("types", new JsonArray().add("STOCK_RESTOCKED")))
                        .compose(v -> live())
                        .compose(v -> restock(globex, globexSku, 1))
                        .compose(v -> restock(acme, acmeSku, 2))
                        .compose(v -> client.next("all"))
                        .compose(first -> {
                            ctx.verify(() -> assertThat(event(first, "tenantEvents")).isEqualTo(new JsonObject()
                                    .put("type", "STOCK_RESTOCKED").put("streamId", "Inventory-" + acmeSku)
                                    .put("sku", acmeSku).put("quantity", 2)));
                            return client.close();
                        }))
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void theUpgradeRequestsTokenAuthenticatesWhenConnectionInitCarriesNone(VertxTestContext ctx) {
        String token = fixture.token(newTenant());
        String sku = newSku();
        TransportWsClient.connect(fixture.vertx(), fixture.port(), "Bearer " + token)
                .compose(client -> client.init(null)
                        .compose(ack -> client.subscribe("s", TENANT_EVENTS, new JsonObject()
                                .put("types", new JsonArray().add("STOCK_RESTOCKED"))))
                        .compose(v -> live())
                        .compose(v -> restock(token, sku, 3))
                        .compose(v -> client.next("s"))
                        .compose(event -> {
                            ctx.verify(() -> assertThat(event(event, "tenantEvents").getString("sku"))
                                    .isEqualTo(sku));
                            return client.close();
                        }))
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void withoutATokenASubscriptionIsUnauthenticated(VertxTestContext ctx) {
        TransportWsClient.connect(fixture.vertx(), fixture.port(), null)
                .compose(client -> client.init(new JsonObject())
                        .compose(ack -> client.subscribe("1", TENANT_EVENTS, new JsonObject()))
                        .compose(v -> client.next("1"))
                        .compose(refused -> {
                            ctx.verify(() -> assertThat(codeOf(refused.getJsonObject("payload")))
                                    .isEqualTo("UNAUTHENTICATED"));
                            return client.next("1");
                        })
                        .compose(complete -> {
                            ctx.verify(() -> assertThat(complete.getString("type")).isEqualTo("complete"));
                            return client.close();
                        }))
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void anExpiredOrForgedTokenAtConnectionInitIsUnauthenticated(VertxTestContext ctx) {
        TransportWsClient.connect(fixture.vertx(), fixture.port(), null)
                .compose(client -> client.init(new JsonObject().put("Authorization", "Bearer not.a.jwt"))
                        .compose(ack -> client.subscribe("1", TENANT_EVENTS, new JsonObject()))
                        .compose(v -> client.next("1"))
                        .compose(refused -> {
                            ctx.verify(() -> assertThat(codeOf(refused.getJsonObject("payload")))
                                    .isEqualTo("UNAUTHENTICATED"));
                            return client.close();
                        }))
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void watchingEventTypesWithoutTheirScopeIsDenied(VertxTestContext ctx) {
        String ordersOnly = fixture.token("bob", newTenant(), Scopes.ORDERS_READ);
        connected(ordersOnly).compose(client -> client.subscribe("1", TENANT_EVENTS, new JsonObject()
                                .put("types", new JsonArray().add("STOCK_RESTOCKED")))
                        .compose(v -> client.next("1"))
                        .compose(refused -> {
                            ctx.verify(() -> {
                                assertThat(codeOf(refused.getJsonObject("payload"))).isEqualTo("PERMISSION_DENIED");
                                assertThat(firstError(refused.getJsonObject("payload")).getString("message"))
                                        .contains(Scopes.INVENTORY_READ);
                            });
                            return client.close();
                        }))
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void anotherTenantsOrderCannotBeWatched(VertxTestContext ctx) {
        String acme = fixture.token(newTenant());
        String globex = fixture.token(newTenant());
        String sku = newSku();
        restock(acme, sku, 1)
                .compose(v -> placeOrder(acme, UUID.randomUUID(), sku, 1, "1.00"))
                .compose(orderId -> connected(globex).compose(client -> client.subscribe("1", ORDER_EVENTS,
                                new JsonObject().put("orderId", orderId))
                        .compose(v -> client.next("1"))
                        .compose(refused -> {
                            ctx.verify(() -> {
                                assertThat(codeOf(refused.getJsonObject("payload"))).isEqualTo("NOT_FOUND");
                                assertThat(refused.getJsonObject("payload").getValue("data")).isNull();
                            });
                            return client.close();
                        })))
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void aClientThatGoesAwayEndsItsLedgerSubscription() throws Exception {
        String token = fixture.token(newTenant());
        TransportWsClient client = connected(token).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        client.subscribe("1", TENANT_EVENTS, new JsonObject());
        soon().until(() -> fixture.gateway().liveSubscriptions() == 1);

        client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        soon().until(() -> fixture.gateway().liveSubscriptions() == 0);
    }

    @Test
    void aClientsCompleteEndsItsLedgerSubscriptionAndTheConnectionStaysUsable() throws Exception {
        TransportWsClient client = connected(fixture.token(newTenant())).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        client.subscribe("1", TENANT_EVENTS, new JsonObject());
        soon().until(() -> fixture.gateway().liveSubscriptions() == 1);

        client.complete("1");

        soon().until(() -> fixture.gateway().liveSubscriptions() == 0);
        client.subscribe("2", "{ __typename }", new JsonObject());
        JsonObject answer = client.next("2").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(answer.getJsonObject("payload").getJsonObject("data").getString("__typename"))
                .isEqualTo("Query");
        client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void queriesAlsoRunOverTheWebSocket(VertxTestContext ctx) {
        connected(fixture.token(newTenant())).compose(client -> client.subscribe("q", ORDER, new JsonObject()
                                .put("id", UUID.randomUUID().toString()))
                        .compose(v -> client.next("q"))
                        .compose(answer -> {
                            ctx.verify(() -> {
                                assertThat(answer.getString("type")).isEqualTo("next");
                                assertThat(codeOf(answer.getJsonObject("payload"))).isEqualTo("NOT_FOUND");
                            });
                            return client.close();
                        }))
                .onComplete(ctx.succeedingThenComplete());
    }

    /** Awaitility that looks at once and often, for conditions that turn true within milliseconds. */
    static org.awaitility.core.ConditionFactory soon() {
        return await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(10));
    }

    /** A client connected and initialised with the token in the {@code connection_init} payload. */
    static Future<TransportWsClient> connected(String token) {
        return TransportWsClient.connect(fixture.vertx(), fixture.port(), null)
                .compose(client -> client.init(new JsonObject().put("Authorization", "Bearer " + token))
                        .map(ack -> client));
    }

    /** Completes once every subscription sent so far reads the ledger live (it starts at the head it read). */
    static Future<Void> live() {
        return Future.future(promise -> {
            long started = System.nanoTime();
            fixture.vertx().setPeriodic(5, timer -> {
                if (fixture.gateway().liveSubscriptions() > 0) {
                    fixture.vertx().cancelTimer(timer);
                    promise.complete();
                } else if (System.nanoTime() - started > TimeUnit.SECONDS.toNanos(10)) {
                    fixture.vertx().cancelTimer(timer);
                    promise.fail("no subscription became live");
                }
            });
        });
    }

    /** The event of a {@code next} message. */
    static JsonObject event(JsonObject message, String field) {
        if (!"next".equals(message.getString("type")) || message.getJsonObject("payload").containsKey("errors")) {
            throw new AssertionError("expected an event, got " + message.encode());
        }
        return message.getJsonObject("payload").getJsonObject("data").getJsonObject(field);
    }
}
