package io.whizbang.gateway.desktop;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.gateway.desktop.v1.CancelOrderRequest;
import io.whizbang.gateway.desktop.v1.GetLevelRequest;
import io.whizbang.gateway.desktop.v1.GetOrderRequest;
import io.whizbang.gateway.desktop.v1.InventoryGrpcClient;
import io.whizbang.gateway.desktop.v1.ListCustomerOrdersRequest;
import io.whizbang.gateway.desktop.v1.OrderEvent;
import io.whizbang.gateway.desktop.v1.OrderLine;
import io.whizbang.gateway.desktop.v1.OrderStatus;
import io.whizbang.gateway.desktop.v1.OrdersGrpcClient;
import io.whizbang.gateway.desktop.v1.PlaceOrderReply;
import io.whizbang.gateway.desktop.v1.PlaceOrderRequest;
import io.whizbang.gateway.desktop.v1.RestockRequest;
import io.whizbang.gateway.desktop.v1.ShipOrderRequest;
import io.whizbang.gateway.desktop.v1.WatchOrdersRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;

import static io.whizbang.gateway.desktop.GatewayHarness.ALL_SCOPES;
import static io.whizbang.gateway.desktop.GatewayHarness.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's journey through the desktop gateway with generated gRPC client stubs: restock, place an order, see
 * the saga confirm it live on {@code WatchOrders}, read it back, ship it.
 */
@ExtendWith(VertxExtension.class)
class OrderJourneyTest {
    @TempDir
    Path dataDir;
    private GatewayHarness harness;

    @BeforeEach
    void start(Vertx vertx, VertxTestContext ctx) {
        GatewayHarness.start(vertx, dataDir).onComplete(ctx.succeeding(started -> {
            harness = started;
            ctx.completeNow();
        }));
    }

    @AfterEach
    void stop(VertxTestContext ctx) {
        harness.stop().onComplete(ctx.succeedingThenComplete());
    }

    static PlaceOrderRequest order(UUID customer, String sku, int quantity, String unitPrice) {
        return PlaceOrderRequest.newBuilder().setCustomerId(customer.toString())
                .addLines(OrderLine.newBuilder().setSku(sku).setQuantity(quantity).setUnitPrice(unitPrice)).build();
    }

    @Test
    void anOrderIsConfirmedBySagaReadBackAndWatchedLiveByItsTenantOnly(VertxTestContext ctx) {
        Map<String, String> acme = bearer(harness.token("acme", ALL_SCOPES));
        Map<String, String> globex = bearer(harness.token("globex", ALL_SCOPES));
        Map<String, String> acmeJourney = new HashMap<>(acme);
        acmeJourney.put("x-correlation-id", "0190f3a4-5b6c-7d8e-9f00-112233445566");
        UUID customer = UUID.randomUUID();
        List<OrderEvent> acmeEvents = new CopyOnWriteArrayList<>();
        List<OrderEvent> globexEvents = new CopyOnWriteArrayList<>();
        Promise<Void> acmeSawConfirmation = Promise.promise();
        Promise<Void> globexSawItsOwn = Promise.promise();
        String[] orderId = new String[1];

        // given two tenants watching their orders
        harness.stream(OrdersGrpcClient.WatchOrders, WatchOrdersRequest.getDefaultInstance(), acme, 0)
                .compose(watch -> {
                    watch.response().handler(event -> {
                        acmeEvents.add(event);
                        if (event.hasConfirmed()) {
                            acmeSawConfirmation.tryComplete();
                        }
                    });
                    return harness.stream(OrdersGrpcClient.WatchOrders, WatchOrdersRequest.getDefaultInstance(),
                            globex, 0);
                })
                .compose(watch -> {
                    watch.response().handler(event -> {
                        globexEvents.add(event);
                        globexSawItsOwn.tryComplete();
                    });
                    // when acme restocks and places an order
                    return harness.call(InventoryGrpcClient.Restock,
                            RestockRequest.newBuilder().setSku("SKU-1").setQuantity(10).build(), acme);
                })
                .compose(restocked -> {
                    ctx.verify(() -> assertThat(restocked.status()).isEqualTo(GrpcStatus.OK));
                    return harness.call(OrdersGrpcClient.PlaceOrder, order(customer, "SKU-1", 2, "12.5"),
                            acmeJourney);
                })
                .compose(placed -> {
                    ctx.verify(() -> {
                        assertThat(placed.status()).isEqualTo(GrpcStatus.OK);
                        assertThat(placed.metadata().get("x-correlation-id"))
                                .isEqualTo("0190f3a4-5b6c-7d8e-9f00-112233445566");
                        assertThat(placed.body().getVersion()).isEqualTo(1);
                    });
                    orderId[0] = placed.body().getOrderId();
                    // then the saga's confirmation arrives live
                    return acmeSawConfirmation.future();
                })
                .compose(confirmed -> harness.backend.settle())
                .compose(settled -> harness.call(OrdersGrpcClient.GetOrder,
                        GetOrderRequest.newBuilder().setOrderId(orderId[0]).build(), acme))
                .compose(read -> {
                    ctx.verify(() -> {
                        assertThat(read.status()).isEqualTo(GrpcStatus.OK);
                        assertThat(read.body().getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_CONFIRMED);
                        assertThat(read.body().getTotal()).isEqualTo("25.00");
                        assertThat(read.body().getLines(0).getUnitPrice()).isEqualTo("12.50");
                        assertThat(read.body().getCustomerId()).isEqualTo(customer.toString());
                    });
                    return harness.call(OrdersGrpcClient.ListCustomerOrders,
                            ListCustomerOrdersRequest.newBuilder().setCustomerId(customer.toString()).build(), acme);
                })
                .compose(page -> {
                    ctx.verify(() -> {
                        assertThat(page.body().getItemsList()).singleElement()
                                .satisfies(item -> assertThat(item.getOrderId()).isEqualTo(orderId[0]));
                        assertThat(page.body().getNextCursor()).isEmpty();
                    });
                    // and globex's own order shows on globex's stream
                    return harness.call(OrdersGrpcClient.PlaceOrder, order(UUID.randomUUID(), "SKU-G", 1, "1"),
                            globex);
                })
                .compose(placed -> globexSawItsOwn.future().map(placed.body()))
                .onComplete(ctx.succeeding(globexOrder -> ctx.verify(() -> {
                    assertThat(acmeEvents).filteredOn(event -> event.getOrderId().equals(orderId[0]))
                            .extracting(event -> event.getKindCase().name()).startsWith("PLACED", "CONFIRMED");
                    assertThat(acmeEvents.get(0).getCorrelationId()).isEqualTo("0190f3a4-5b6c-7d8e-9f00-112233445566");
                    assertThat(acmeEvents.get(0).getPlaced().getTotal()).isEqualTo("25.00");
                    assertThat(acmeEvents).noneMatch(event -> event.getOrderId().equals(globexOrder.getOrderId()));
                    assertThat(globexEvents).allMatch(event -> event.getOrderId().equals(globexOrder.getOrderId()));
                    ctx.completeNow();
                })));
    }

    @Test
    void aConfirmedOrderShipsAndThenCannotBeCancelled(VertxTestContext ctx) {
        Map<String, String> acme = bearer(harness.token("acme", ALL_SCOPES));
        String[] orderId = new String[1];
        placeConfirmed(acme)
                .compose(id -> {
                    orderId[0] = id;
                    return harness.call(OrdersGrpcClient.ShipOrder,
                            ShipOrderRequest.newBuilder().setOrderId(id).build(), acme);
                })
                .compose(shipped -> {
                    ctx.verify(() -> {
                        assertThat(shipped.status()).isEqualTo(GrpcStatus.OK);
                        assertThat(shipped.body().getOrderId()).isEqualTo(orderId[0]);
                        assertThat(shipped.body().getVersion()).isEqualTo(3);
                    });
                    return harness.call(OrdersGrpcClient.CancelOrder, CancelOrderRequest.newBuilder()
                            .setOrderId(orderId[0]).setReason("changed my mind").build(), acme);
                })
                .onComplete(ctx.succeeding(cancelled -> ctx.verify(() -> {
                    assertThat(cancelled.status()).isEqualTo(GrpcStatus.FAILED_PRECONDITION);
                    assertThat(cancelled.message()).contains("shipped").contains("cannot be cancelled");
                    assertThat(cancelled.metadata().get(GrpcErrors.CODE_TRAILER)).isEqualTo("CONFLICT");
                    ctx.completeNow();
                })));
    }

    @Test
    void watchingOneOrderStreamsOnlyThatOrdersEvents(VertxTestContext ctx) {
        Map<String, String> acme = bearer(harness.token("acme", ALL_SCOPES));
        List<OrderEvent> seen = new CopyOnWriteArrayList<>();
        Promise<Void> shipped = Promise.promise();
        String[] watched = new String[1];
        placeConfirmed(acme)
                .compose(id -> {
                    watched[0] = id;
                    return harness.stream(OrdersGrpcClient.WatchOrders,
                            WatchOrdersRequest.newBuilder().setOrderId(id).build(), acme, 0);
                })
                .compose(watch -> {
                    watch.response().handler(event -> {
                        seen.add(event);
                        if (event.hasShipped()) {
                            shipped.tryComplete();
                        }
                    });
                    return harness.call(OrdersGrpcClient.PlaceOrder, order(UUID.randomUUID(), "SKU-1", 1, "2"), acme);
                })
                .compose(other -> harness.call(OrdersGrpcClient.ShipOrder,
                        ShipOrderRequest.newBuilder().setOrderId(watched[0]).build(), acme))
                .compose(v -> shipped.future())
                .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
                    assertThat(seen).extracting(OrderEvent::getOrderId).containsOnly(watched[0]);
                    assertThat(seen).extracting(OrderEvent::getVersion).containsExactly(3L);
                    ctx.completeNow();
                })));
    }

    @Test
    void inventoryLevelReflectsRestocks(VertxTestContext ctx) {
        Map<String, String> acme = bearer(harness.token("acme", ALL_SCOPES));
        harness.call(InventoryGrpcClient.Restock, RestockRequest.newBuilder().setSku("SKU-7").setQuantity(4).build(),
                        acme)
                .compose(restocked -> harness.backend.settle())
                .compose(settled -> harness.call(InventoryGrpcClient.GetLevel,
                        GetLevelRequest.newBuilder().setSku("SKU-7").build(), acme))
                .onComplete(ctx.succeeding(level -> ctx.verify(() -> {
                    assertThat(level.status()).isEqualTo(GrpcStatus.OK);
                    assertThat(level.body().getOnHand()).isEqualTo(4);
                    assertThat(level.body().getAvailable()).isEqualTo(4);
                    assertThat(level.metadata().get("x-correlation-id")).isNotBlank();
                    ctx.completeNow();
                })));
    }

    @Test
    void aGzipCompressedRequestIsServed(Vertx vertx, VertxTestContext ctx) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(RestockRequest.newBuilder().setSku("SKU-Z").setQuantity(2).build().toByteArray());
        }
        RawGrpc raw = new RawGrpc(vertx, harness.gateway.actualPort());
        Map<String, String> metadata = new HashMap<>(bearer(harness.token("acme", ALL_SCOPES)));
        metadata.put("grpc-encoding", "gzip");
        raw.post("/whizbang.sample.v1.Inventory/Restock", metadata, RawGrpc.frame(true, compressed.toByteArray()))
                .eventually(raw::close)
                .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
                    assertThat(reply.grpcStatus()).isEqualTo("0");
                    ctx.completeNow();
                })));
    }

    /** Restocks, places an order of one unit and waits until the saga confirmed it; answers the order id. */
    private Future<String> placeConfirmed(Map<String, String> caller) {
        return harness.call(InventoryGrpcClient.Restock,
                        RestockRequest.newBuilder().setSku("SKU-1").setQuantity(5).build(), caller)
                .compose(restocked -> harness.call(OrdersGrpcClient.PlaceOrder,
                        order(UUID.randomUUID(), "SKU-1", 1, "3.99"), caller))
                .map(placed -> placed.body())
                .compose(placed -> harness.backend.settle().map(placed))
                .map(PlaceOrderReply::getOrderId);
    }
}
