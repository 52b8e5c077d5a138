package io.whizbang.gateway.desktop;

import com.google.protobuf.MessageLite;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.gateway.desktop.v1.CancelOrderRequest;
import io.whizbang.gateway.desktop.v1.ConfirmOrderRequest;
import io.whizbang.gateway.desktop.v1.GetLevelRequest;
import io.whizbang.gateway.desktop.v1.GetOrderRequest;
import io.whizbang.gateway.desktop.v1.ListCustomerOrdersRequest;
import io.whizbang.gateway.desktop.v1.OrderLine;
import io.whizbang.gateway.desktop.v1.PlaceOrderRequest;
import io.whizbang.gateway.desktop.v1.RestockRequest;
import io.whizbang.gateway.desktop.v1.ShipOrderRequest;
import io.whizbang.gateway.desktop.v1.WatchOrdersRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.whizbang.gateway.desktop.GatewayHarness.ALL_SCOPES;
import static io.whizbang.gateway.desktop.GatewayHarness.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few thousand random and mutated calls, seeded so that a failure replays: every one gets a gRPC status, none of
 * them {@code INTERNAL} or {@code UNKNOWN}, and no status message carries a stack trace.
 */
@ExtendWith(VertxExtension.class)
class FuzzTest {
    private static final long SEED = 20_251_124L;
    private static final int CALLS = 3000;
    private static final int IN_FLIGHT = 32;
    private static final String[] METHODS = {
        "/whizbang.sample.v1.Orders/PlaceOrder", "/whizbang.sample.v1.Orders/ConfirmOrder",
        "/whizbang.sample.v1.Orders/CancelOrder", "/whizbang.sample.v1.Orders/ShipOrder",
        "/whizbang.sample.v1.Orders/GetOrder", "/whizbang.sample.v1.Orders/ListCustomerOrders",
        "/whizbang.sample.v1.Inventory/Restock", "/whizbang.sample.v1.Inventory/GetLevel",
        "/grpc.health.v1.Health/Check", "/whizbang.sample.v1.Orders/Nope",
    };

    @TempDir
    Path dataDir;

    /** One call to make: where, with which metadata, carrying which bytes. */
    private record Input(String path, Map<String, String> metadata, Buffer body) {
    }

    @Test
    @Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
    void thousandsOfRandomAndMutatedCallsNeverGetInternalOrUnknown(Vertx vertx, VertxTestContext ctx) {
        Random random = new Random(SEED);
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        List<String> offenders = java.util.Collections.synchronizedList(new ArrayList<>());
        GatewayHarness.start(vertx, dataDir).compose(harness -> {
            RawGrpc raw = new RawGrpc(vertx, harness.gateway.actualPort());
            Map<String, String> caller = bearer(harness.token("acme", ALL_SCOPES));
            List<Input> inputs = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                inputs.add(input(random, caller));
            }
            return send(raw, inputs, statuses, offenders)
                    .eventually(() -> raw.close().compose(v -> harness.stop()));
        }).onComplete(ctx.succeeding(v -> ctx.verify(() -> {
            assertThat(offenders).isEmpty();
            assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).as("answers by status %s",
                    new TreeMap<>(statuses)).isEqualTo(CALLS);
            assertThat(new TreeMap<>(statuses)).doesNotContainKeys("2", "13")
                    // the inputs reach every layer: served, refused by the token, the frame, the rules, the lens
                    .containsKeys("0", "3", "5", "8", "12", "16");
            ctx.completeNow();
        })));
    }

    /** Sends every input, {@value #IN_FLIGHT} calls in flight at a time; completes when all were answered. */
    private static Future<Void> send(RawGrpc raw, List<Input> inputs, Map<String, Integer> statuses,
                                     List<String> offenders) {
        AtomicInteger next = new AtomicInteger();
        List<Future<Void>> workers = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT; i++) {
            workers.add(work(raw, inputs, next, statuses, offenders));
        }
        return Future.all(workers).mapEmpty();
    }

    /** Sends the next input not yet taken, then the next, until none is left. */
    private static Future<Void> work(RawGrpc raw, List<Input> inputs, AtomicInteger next,
                                     Map<String, Integer> statuses, List<String> offenders) {
        int index = next.getAndIncrement();
        if (index >= inputs.size()) {
            return Future.succeededFuture();
        }
        Input input = inputs.get(index);
        return raw.post(input.path(), input.metadata(), input.body())
                .map(reply -> {
                    String status = reply.grpcStatus() == null ? "none (HTTP " + reply.httpStatus() + ")"
                            : reply.grpcStatus();
                    statuses.merge(status, 1, Integer::sum);
                    String message = reply.grpcMessage() == null ? "" : reply.grpcMessage();
                    if (reply.grpcStatus() == null || "2".equals(status) || "13".equals(status)
                            || message.contains("Exception") || message.contains("\tat ")) {
                        offenders.add("#" + index + " " + input.path() + " -> " + status + " " + message);
                    }
                    return reply;
                })
                .otherwise(failure -> {
                    offenders.add("#" + index + " " + input.path() + " -> no answer: " + failure);
                    return null;
                })
                .compose(answered -> work(raw, inputs, next, statuses, offenders));
    }

    private static Input input(Random random, Map<String, String> caller) {
        String path = METHODS[random.nextInt(METHODS.length)];
        Map<String, String> metadata = new java.util.HashMap<>(random.nextInt(20) == 0
                ? Map.of("authorization", "Bearer " + randomText(random, 40)) : caller);
        byte[] valid = plausible(path, random).toByteArray();
        Buffer body = switch (random.nextInt(9)) {
            case 0 -> RawGrpc.frame(false, valid);
            case 1 -> RawGrpc.frame(false, randomBytes(random, random.nextInt(64)));
            case 2 -> RawGrpc.frame(false, flipped(random, valid));
            case 3 -> RawGrpc.frame(false, java.util.Arrays.copyOf(valid, random.nextInt(valid.length + 1)));
            case 4 -> RawGrpc.frame(false, valid.length + 1 + random.nextInt(100), valid);
            case 5 -> {
                if (random.nextBoolean()) {
                    metadata.put("grpc-encoding", random.nextBoolean() ? "gzip" : "deflate");
                }
                yield RawGrpc.frame(true, flipped(random, valid));
            }
            case 6 -> RawGrpc.frame(false, valid).appendBuffer(RawGrpc.frame(false, flipped(random, valid)));
            case 7 -> Buffer.buffer(randomBytes(random, random.nextInt(32)));
            default -> RawGrpc.frame(false, valid).appendBytes(randomBytes(random, 1 + random.nextInt(4)));
        };
        return new Input(path, metadata, body);
    }

    /** A request of the method's type whose fields are sometimes right and often not. */
    private static MessageLite plausible(String path, Random random) {
        String id = random.nextBoolean() ? UUID.randomUUID().toString() : randomText(random, 40);
        String sku = random.nextInt(4) == 0 ? randomText(random, 80) : "SKU-" + random.nextInt(5);
        int quantity = random.nextInt(5) == 0 ? random.nextInt() : random.nextInt(20) - 2;
        String method = path.substring(path.lastIndexOf('/') + 1);
        return switch (method) {
            case "PlaceOrder" -> {
                PlaceOrderRequest.Builder order = PlaceOrderRequest.newBuilder().setCustomerId(id);
                for (int i = random.nextInt(4); i > 0; i--) {
                    order.addLines(OrderLine.newBuilder().setSku(sku).setQuantity(quantity)
                            .setUnitPrice(random.nextBoolean() ? random.nextInt(100) + "." + random.nextInt(1000)
                                    : randomText(random, 12)));
                }
                yield order.build();
            }
            case "ConfirmOrder" -> ConfirmOrderRequest.newBuilder().setOrderId(id).build();
            case "CancelOrder" -> CancelOrderRequest.newBuilder().setOrderId(id)
                    .setReason(randomText(random, random.nextInt(600))).build();
            case "ShipOrder" -> ShipOrderRequest.newBuilder().setOrderId(id).build();
            case "GetOrder" -> GetOrderRequest.newBuilder().setOrderId(id).build();
            case "ListCustomerOrders" -> ListCustomerOrdersRequest.newBuilder().setCustomerId(id)
                    .setLimit(random.nextInt(150) - 20).setCursor(random.nextBoolean() ? "" : randomText(random, 30))
                    .build();
            case "Restock" -> RestockRequest.newBuilder().setSku(sku).setQuantity(quantity).build();
            case "GetLevel" -> GetLevelRequest.newBuilder().setSku(sku).build();
            default -> WatchOrdersRequest.newBuilder().setOrderId(id).build();
        };
    }

    private static byte[] flipped(Random random, byte[] valid) {
        byte[] copy = valid.length == 0 ? new byte[] {0} : valid.clone();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextInt(3) == 0 ? 0x20 + random.nextInt(0x2000) : 0x21 + random.nextInt(94)));
        }
        return text.toString();
    }
}
