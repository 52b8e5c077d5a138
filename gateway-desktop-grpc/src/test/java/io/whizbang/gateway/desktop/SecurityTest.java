package io.whizbang.gateway.desktop;

import io.vertx.core.Vertx;
import io.vertx.grpc.client.InvalidStatusException;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.gateway.desktop.v1.GetOrderRequest;
import io.whizbang.gateway.desktop.v1.InventoryGrpcClient;
import io.whizbang.gateway.desktop.v1.OrdersGrpcClient;
import io.whizbang.gateway.desktop.v1.RestockRequest;
import io.whizbang.gateway.desktop.v1.WatchOrdersRequest;
import io.whizbang.security.DevelopmentKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.whizbang.gateway.desktop.GatewayHarness.ALL_SCOPES;
import static io.whizbang.gateway.desktop.GatewayHarness.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what: no token, an expired one, a forged one, a missing scope and another tenant's order each get
 * their status, never the data, and write nothing.
 */
@ExtendWith(VertxExtension.class)
class SecurityTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path otherDataDir;
    private GatewayHarness harness;
    private long headBefore;

    @BeforeEach
    void start(Vertx vertx, VertxTestContext ctx) {
        GatewayHarness.start(vertx, dataDir)
                .compose(started -> {
                    harness = started;
                    return started.head();
                })
                .onComplete(ctx.succeeding(head -> {
                    headBefore = head;
                    ctx.completeNow();
                }));
    }

    @AfterEach
    void stop(VertxTestContext ctx) {
        harness.stop().onComplete(ctx.succeedingThenComplete());
    }

    private static RestockRequest restock() {
        return RestockRequest.newBuilder().setSku("SKU-1").setQuantity(5).build();
    }

    private void refusedAndNothingWritten(VertxTestContext ctx, Map<String, String> metadata, GrpcStatus expected,
                                          String reason) {
        harness.call(InventoryGrpcClient.Restock, restock(), metadata)
                .compose(answer -> harness.head().map(head -> {
                    ctx.verify(() -> {
                        assertThat(answer.status()).isEqualTo(expected);
                        assertThat(answer.message()).contains(reason).doesNotContain("Exception").doesNotContain("\tat ");
                        assertThat(answer.metadata().get("x-correlation-id")).isNotBlank();
                        assertThat(answer.body()).isNull();
                        assertThat(head).isEqualTo(headBefore);
                    });
                    return head;
                }))
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void aCallWithoutATokenIsUnauthenticated(VertxTestContext ctx) {
        refusedAndNothingWritten(ctx, Map.of(), GrpcStatus.UNAUTHENTICATED, "no bearer token");
    }

    @Test
    void theGeneratedStubWithoutMetadataIsRefusedUnauthenticated(VertxTestContext ctx) {
        OrdersGrpcClient.create(harness.client, harness.address)
                .getOrder(GetOrderRequest.newBuilder().setOrderId(UUID.randomUUID().toString()).build())
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertThat(failure).isInstanceOf(InvalidStatusException.class);
                    assertThat(((InvalidStatusException) failure).actualStatus()).isEqualTo(GrpcStatus.UNAUTHENTICATED);
                    ctx.completeNow();
                })));
    }

    @Test
    void anExpiredTokenIsUnauthenticated(VertxTestContext ctx) {
        Clock anHourAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1));
        refusedAndNothingWritten(ctx, bearer(GatewayHarness.mint("acme", ALL_SCOPES, harness.key, anHourAgo)),
                GrpcStatus.UNAUTHENTICATED, "expired");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsUnauthenticated(VertxTestContext ctx) {
        DevelopmentKey otherKey = DevelopmentKey.loadOrCreate(otherDataDir);
        refusedAndNothingWritten(ctx, bearer(GatewayHarness.mint("acme", ALL_SCOPES, otherKey, Clock.systemUTC())),
                GrpcStatus.UNAUTHENTICATED, "signature");
    }

    @Test
    void aTokenThatIsNotBearerIsUnauthenticated(VertxTestContext ctx) {
        refusedAndNothingWritten(ctx, Map.of("authorization", "Basic YWxpY2U6c2VjcmV0"), GrpcStatus.UNAUTHENTICATED,
                "not a Bearer token");
    }

    @Test
    void aTokenWithoutTheMethodsScopeIsPermissionDenied(VertxTestContext ctx) {
        refusedAndNothingWritten(ctx, bearer(harness.token("acme", "inventory:read orders:write")),
                GrpcStatus.PERMISSION_DENIED, "inventory:write");
    }

    @Test
    void watchingOrdersWithoutOrdersReadIsPermissionDenied(VertxTestContext ctx) {
        Map<String, String> writer = bearer(harness.token("acme", "orders:write"));
        harness.call(OrdersGrpcClient.WatchOrders, WatchOrdersRequest.getDefaultInstance(), writer)
                .onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
                    assertThat(answer.status()).isEqualTo(GrpcStatus.PERMISSION_DENIED);
                    assertThat(answer.message()).contains("orders:read");
                    assertThat(answer.metadata().get(GrpcErrors.CODE_TRAILER)).isEqualTo("PERMISSION_DENIED");
                    ctx.completeNow();
                })));
    }

    @Test
    void aTenantAskingForAnotherTenantsOrderGetsNotFoundAndNoData(VertxTestContext ctx) {
        Map<String, String> acme = bearer(harness.token("acme", ALL_SCOPES));
        Map<String, String> globex = bearer(harness.token("globex", ALL_SCOPES));
        harness.call(OrdersGrpcClient.PlaceOrder, OrderJourneyTest.order(UUID.randomUUID(), "SKU-1", 1, "9.99"), acme)
                .compose(placed -> harness.backend.settle().map(placed.body().getOrderId()))
                .compose(orderId -> harness.call(OrdersGrpcClient.GetOrder,
                        GetOrderRequest.newBuilder().setOrderId(orderId).build(), globex)
                        .map(answer -> {
                            ctx.verify(() -> {
                                assertThat(answer.status()).isEqualTo(GrpcStatus.NOT_FOUND);
                                assertThat(answer.body()).isNull();
                                assertThat(answer.message()).doesNotContain("9.99");
                            });
                            return orderId;
                        }))
                .compose(orderId -> harness.call(OrdersGrpcClient.GetOrder,
                        GetOrderRequest.newBuilder().setOrderId(orderId).build(), acme))
                .onComplete(ctx.succeeding(own -> ctx.verify(() -> {
                    assertThat(own.status()).isEqualTo(GrpcStatus.OK);
                    assertThat(own.body().getTotal()).isEqualTo("9.99");
                    ctx.completeNow();
                })));
    }
}
