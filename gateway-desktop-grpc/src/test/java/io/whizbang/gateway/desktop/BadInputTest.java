package io.whizbang.gateway.desktop;

import com.google.protobuf.Message;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.gateway.desktop.v1.CancelOrderRequest;
import io.whizbang.gateway.desktop.v1.GetOrderRequest;
import io.whizbang.gateway.desktop.v1.InventoryGrpcClient;
import io.whizbang.gateway.desktop.v1.ListCustomerOrdersRequest;
import io.whizbang.gateway.desktop.v1.OrderLine;
import io.whizbang.gateway.desktop.v1.OrdersGrpcClient;
import io.whizbang.gateway.desktop.v1.PlaceOrderRequest;
import io.whizbang.gateway.desktop.v1.RestockRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.whizbang.gateway.desktop.GatewayHarness.ALL_SCOPES;
import static io.whizbang.gateway.desktop.GatewayHarness.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input of every kind gets a coded gRPC status that says what to fix, never a stack trace, and writes nothing:
 * rule-breaking field values, frames that are garbage, truncated, flagged compressed or too large, and methods that
 * do not exist.
 */
@ExtendWith(VertxExtension.class)
class BadInputTest {
    private static final String RESTOCK = "/whizbang.sample.v1.Inventory/Restock";

    @TempDir
    Path dataDir;
    private GatewayHarness harness;
    private RawGrpc raw;
    private Map<String, String> caller;
    private long headBefore;

    @BeforeEach
    void start(Vertx vertx, VertxTestContext ctx) {
        GatewayHarness.start(vertx, dataDir)
                .compose(started -> {
                    harness = started;
                    raw = new RawGrpc(vertx, started.gateway.actualPort());
                    caller = bearer(started.token("acme", ALL_SCOPES));
                    return started.head();
                })
                .onComplete(ctx.succeeding(head -> {
                    headBefore = head;
                    ctx.completeNow();
                }));
    }

    @AfterEach
    void stop(VertxTestContext ctx) {
        raw.close().compose(v -> harness.stop()).onComplete(ctx.succeedingThenComplete());
    }

    private record Case(String expectedInMessage, Supplier<Future<GatewayHarness.Answer<Message>>> call) {
    }

    @SuppressWarnings("unchecked")
    private <Req, Resp extends Message> Case invalid(String expected, ServiceMethod<Resp, Req> method, Req request) {
        return new Case(expected, () -> harness.call(method, request, caller)
                .map(answer -> (GatewayHarness.Answer<Message>) (GatewayHarness.Answer<?>) answer));
    }

    private static PlaceOrderRequest order(String customer, OrderLine... lines) {
        return PlaceOrderRequest.newBuilder().setCustomerId(customer).addAllLines(List.of(lines)).build();
    }

    private static OrderLine line(String sku, int quantity, String price) {
        return OrderLine.newBuilder().setSku(sku).setQuantity(quantity).setUnitPrice(price).build();
    }

    @Test
    void ruleBreakingFieldValuesAreInvalidArgumentNamingTheField(VertxTestContext ctx) {
        String customer = UUID.randomUUID().toString();
        List<Case> cases = List.of(
                invalid("customer_id: must be a UUID", OrdersGrpcClient.PlaceOrder,
                        order("not-a-uuid", line("SKU-1", 1, "1.00"))),
                invalid("customer_id: is required", OrdersGrpcClient.PlaceOrder, order("", line("SKU-1", 1, "1"))),
                invalid("lines: must hold 1-100 lines", OrdersGrpcClient.PlaceOrder, order(customer)),
                invalid("lines[0].quantity: must be 1-10000", OrdersGrpcClient.PlaceOrder,
                        order(customer, line("SKU-1", 0, "1.00"))),
                invalid("lines[1].unit_price: must have at most 2 decimals", OrdersGrpcClient.PlaceOrder,
                        order(customer, line("SKU-1", 1, "1.00"), line("SKU-2", 1, "12.345"))),
                invalid("lines[0].unit_price: must be a decimal", OrdersGrpcClient.PlaceOrder,
                        order(customer, line("SKU-1", 1, "1e3"))),
                invalid("lines[0].unit_price: must not be negative", OrdersGrpcClient.PlaceOrder,
                        order(customer, line("SKU-1", 1, "-1"))),
                invalid("lines[0].sku: must not be blank", OrdersGrpcClient.PlaceOrder,
                        order(customer, line(" ", 1, "1"))),
                invalid("quantity: must be 1-1000000", InventoryGrpcClient.Restock,
                        RestockRequest.newBuilder().setSku("SKU-1").setQuantity(-3).build()),
                invalid("sku: must be at most 64 characters", InventoryGrpcClient.Restock,
                        RestockRequest.newBuilder().setSku("S".repeat(65)).setQuantity(3).build()),
                invalid("order_id: is required", OrdersGrpcClient.GetOrder, GetOrderRequest.getDefaultInstance()),
                invalid("reason: must be 1-500 characters", OrdersGrpcClient.CancelOrder,
                        CancelOrderRequest.newBuilder().setOrderId(customer).setReason("").build()),
                invalid("limit: must be 1-100", OrdersGrpcClient.ListCustomerOrders,
                        ListCustomerOrdersRequest.newBuilder().setCustomerId(customer).setLimit(500).build()));
        List<String> failures = new ArrayList<>();
        Future<Void> all = Future.succeededFuture();
        for (Case each : cases) {
            all = all.compose(v -> each.call().get().map(answer -> {
                if (answer.status() != GrpcStatus.INVALID_ARGUMENT || answer.message() == null
                        || !answer.message().contains(each.expectedInMessage())
                        || !"INVALID_ARGUMENT".equals(answer.metadata().get(GrpcErrors.CODE_TRAILER))) {
                    failures.add(each.expectedInMessage() + " -> " + answer.status() + " " + answer.message());
                }
                return null;
            }));
        }
        all.compose(v -> harness.head()).onComplete(ctx.succeeding(head -> ctx.verify(() -> {
            assertThat(failures).isEmpty();
            assertThat(head).isEqualTo(headBefore);
            ctx.completeNow();
        })));
    }

    private void rawCallIs(VertxTestContext ctx, Map<String, String> extra, Buffer body, GrpcStatus expected,
                           String expectedInMessage) {
        rawCallIs(ctx, RESTOCK, extra, body, expected, expectedInMessage);
    }

    private void rawCallIs(VertxTestContext ctx, String path, Map<String, String> extra, Buffer body,
                           GrpcStatus expected, String expectedInMessage) {
        Map<String, String> metadata = new HashMap<>(caller);
        metadata.putAll(extra);
        raw.post(path, metadata, body)
                .compose(reply -> harness.head().map(head -> {
                    ctx.verify(() -> {
                        assertThat(reply.httpStatus()).isEqualTo(200);
                        assertThat(reply.grpcStatus()).isEqualTo(String.valueOf(expected.code));
                        assertThat(reply.grpcMessage()).contains(expectedInMessage)
                                .doesNotContain("Exception").doesNotContain("\tat ");
                        assertThat(reply.metadata().get("x-correlation-id")).isNotBlank();
                        assertThat(head).isEqualTo(headBefore);
                    });
                    return head;
                }))
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void aGarbageFrameIsInvalidArgument(VertxTestContext ctx) {
        byte[] garbage = {(byte) 0xff, (byte) 0xfe, 0x13, 0x37, (byte) 0x80, 0x00, 0x7f};
        rawCallIs(ctx, Map.of(), RawGrpc.frame(false, garbage), GrpcStatus.INVALID_ARGUMENT,
                "not a valid Restock request message");
    }

    @Test
    void aTruncatedFrameIsInvalidArgument(VertxTestContext ctx) {
        byte[] valid = RestockRequest.newBuilder().setSku("SKU-1").setQuantity(5).build().toByteArray();
        rawCallIs(ctx, Map.of(), RawGrpc.frame(false, valid.length + 20, valid), GrpcStatus.INVALID_ARGUMENT,
                "no complete Restock request message");
    }

    @Test
    void aFrameCutInsideItsPrefixIsInvalidArgument(VertxTestContext ctx) {
        rawCallIs(ctx, Map.of(), Buffer.buffer(new byte[] {0, 0, 0}), GrpcStatus.INVALID_ARGUMENT,
                "no complete Restock request message");
    }

    @Test
    void anEmptyCallIsInvalidArgument(VertxTestContext ctx) {
        rawCallIs(ctx, Map.of(), Buffer.buffer(), GrpcStatus.INVALID_ARGUMENT, "no complete Restock request message");
    }

    @Test
    void twoMessagesOnAUnaryCallAreInvalidArgument(VertxTestContext ctx) {
        byte[] valid = RestockRequest.newBuilder().setSku("SKU-1").setQuantity(5).build().toByteArray();
        rawCallIs(ctx, Map.of(), RawGrpc.frame(false, valid).appendBuffer(RawGrpc.frame(false, valid)),
                GrpcStatus.INVALID_ARGUMENT, "exactly one Restock request message");
    }

    @Test
    void aFrameFlaggedCompressedWithoutAnEncodingIsInvalidArgument(VertxTestContext ctx) {
        byte[] junk = "definitely not gzip".getBytes(StandardCharsets.US_ASCII);
        rawCallIs(ctx, Map.of(), RawGrpc.frame(true, junk), GrpcStatus.INVALID_ARGUMENT, "not a valid Restock");
    }

    @Test
    void aGzipFrameThatIsNotGzipIsInvalidArgument(VertxTestContext ctx) {
        byte[] junk = "definitely not gzip".getBytes(StandardCharsets.US_ASCII);
        rawCallIs(ctx, Map.of("grpc-encoding", "gzip"), RawGrpc.frame(true, junk), GrpcStatus.INVALID_ARGUMENT,
                "not valid gzip");
    }

    @Test
    void anUnsupportedCompressionIsUnimplemented(VertxTestContext ctx) {
        byte[] junk = "brotli, supposedly".getBytes(StandardCharsets.US_ASCII);
        rawCallIs(ctx, Map.of("grpc-encoding", "br"), RawGrpc.frame(true, junk), GrpcStatus.UNIMPLEMENTED,
                "grpc-encoding br is not supported");
    }

    @Test
    void aMessageOverTheSizeLimitIsResourceExhausted(VertxTestContext ctx) {
        RestockRequest huge = RestockRequest.newBuilder().setSku("S".repeat(300 * 1024)).setQuantity(1).build();
        harness.call(InventoryGrpcClient.Restock, huge, caller)
                .compose(answer -> harness.head().map(head -> {
                    ctx.verify(() -> {
                        assertThat(answer.status()).isEqualTo(GrpcStatus.RESOURCE_EXHAUSTED);
                        assertThat(answer.message()).contains("more than the limit of 262144");
                        assertThat(answer.metadata().get(GrpcErrors.CODE_TRAILER)).isEqualTo("INVALID_ARGUMENT");
                        assertThat(head).isEqualTo(headBefore);
                    });
                    return head;
                }))
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void anUnknownMethodIsUnimplemented(VertxTestContext ctx) {
        rawCallIs(ctx, "/whizbang.sample.v1.Orders/DeleteEverything", Map.of(), Buffer.buffer(),
                GrpcStatus.UNIMPLEMENTED, "no method 'whizbang.sample.v1.Orders/DeleteEverything' is served here");
    }

    @Test
    void anUnknownServiceIsUnimplemented(VertxTestContext ctx) {
        rawCallIs(ctx, "/acme.Payroll/Pay", Map.of(), Buffer.buffer(), GrpcStatus.UNIMPLEMENTED,
                "no method 'acme.Payroll/Pay' is served here");
    }
}
