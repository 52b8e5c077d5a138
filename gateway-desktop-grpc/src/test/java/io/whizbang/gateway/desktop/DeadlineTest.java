package io.whizbang.gateway.desktop;

import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.error.ErrorCode;
import io.whizbang.examples.testing.SampleBackend;
import io.whizbang.gateway.desktop.v1.InventoryGrpcClient;
import io.whizbang.gateway.desktop.v1.OrdersGrpcClient;
import io.whizbang.gateway.desktop.v1.RestockRequest;
import io.whizbang.gateway.desktop.v1.WatchOrdersRequest;
import io.whizbang.http.HttpServiceOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.whizbang.gateway.desktop.GatewayHarness.ALL_SCOPES;
import static io.whizbang.gateway.desktop.GatewayHarness.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deadlines ({@code grpc-timeout}) are honoured: a call still running when its deadline passes ends
 * {@code DEADLINE_EXCEEDED}, and the gateway stops working for it.
 */
@ExtendWith(VertxExtension.class)
class DeadlineTest {
    private static final String COMMANDS = HttpServiceOptions.DEFAULT_READINESS_ADDRESS;

    @TempDir
    Path dataDir;

    /** A dispatcher that keeps every command it receives and refuses at once those that name the SKU. */
    private static List<Message<Object>> dispatcherRefusing(Vertx vertx, String sku) {
        List<Message<Object>> received = new CopyOnWriteArrayList<>();
        vertx.eventBus().consumer(COMMANDS, message -> {
            received.add(message);
            if (String.valueOf(message.body()).contains(sku)) {
                message.fail(ErrorCode.UNAVAILABLE.wireCode(), "the ledger is down for maintenance");
            }
        });
        return received;
    }

    private static RestockRequest restock(String sku) {
        return RestockRequest.newBuilder().setSku(sku).setQuantity(1).build();
    }

    @Test
    void aUnaryCallStillWaitingAtItsDeadlineEndsDeadlineExceeded(Vertx vertx, VertxTestContext ctx) {
        List<Message<Object>> received = dispatcherRefusing(vertx, "SKU-AFTER");
        GatewayHarness.start(vertx, dataDir, null, options -> {
                })
                .compose(harness -> harness.call(InventoryGrpcClient.Restock, restock("SKU-SLOW"),
                                bearer(harness.token("acme", ALL_SCOPES)), 200)
                        .compose(answer -> {
                            ctx.verify(() -> {
                                assertThat(answer.status()).isEqualTo(GrpcStatus.DEADLINE_EXCEEDED);
                                assertThat(answer.message()).contains("deadline of 200 ms passed");
                                assertThat(answer.metadata().get(GrpcErrors.CODE_TRAILER)).isEqualTo("TIMEOUT");
                                assertThat(received).hasSize(1);
                            });
                            // the dispatcher's late answer finds the call closed, and the gateway goes on
                            received.get(0).fail(ErrorCode.UNAVAILABLE.wireCode(), "too late");
                            return harness.call(InventoryGrpcClient.Restock, restock("SKU-AFTER"),
                                    bearer(harness.token("acme", ALL_SCOPES)), 5000);
                        })
                        .eventually(() -> harness.stop()))
                .onComplete(ctx.succeeding(after -> ctx.verify(() -> {
                    assertThat(after.status()).isEqualTo(GrpcStatus.UNAVAILABLE);
                    assertThat(after.message()).contains("down for maintenance");
                    ctx.completeNow();
                })));
    }

    @Test
    void aCallWhoseDeadlinePassedBeforeItsMessageArrivedIsNeverDispatched(Vertx vertx, VertxTestContext ctx) {
        List<Message<Object>> received = dispatcherRefusing(vertx, "SKU-AFTER");
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false));
        Promise<MultiMap> answered = Promise.promise();
        GatewayHarness.start(vertx, dataDir, null, options -> {
                })
                .compose(harness -> http.request(HttpMethod.POST, harness.gateway.actualPort(), "localhost",
                                "/whizbang.sample.v1.Inventory/Restock")
                        .compose(request -> {
                            request.putHeader("content-type", "application/grpc").putHeader("te", "trailers")
                                    .putHeader("grpc-timeout", "100m")
                                    .putHeader("authorization", "Bearer " + harness.token("acme", ALL_SCOPES));
                            request.response().compose(response -> response.end().map(v -> MultiMap
                                    .caseInsensitiveMultiMap().addAll(response.headers()).addAll(response.trailers())))
                                    .onComplete(answered);
                            // the headers now, the message only once the deadline has been answered
                            return request.sendHead().compose(v -> answered.future()).compose(status -> request
                                    .end(RawGrpc.frame(false, restock("SKU-LATE").toByteArray()))
                                    .otherwiseEmpty().map(status));
                        })
                        .compose(status -> {
                            ctx.verify(() -> assertThat(status.get("grpc-status"))
                                    .isEqualTo(String.valueOf(GrpcStatus.DEADLINE_EXCEEDED.code)));
                            // a call made afterwards is the first thing the dispatcher hears
                            return harness.call(InventoryGrpcClient.Restock, restock("SKU-AFTER"),
                                    bearer(harness.token("acme", ALL_SCOPES)));
                        })
                        .eventually(() -> http.close().compose(v -> harness.stop())))
                .onComplete(ctx.succeeding(after -> ctx.verify(() -> {
                    assertThat(after.status()).isEqualTo(GrpcStatus.UNAVAILABLE);
                    assertThat(received).hasSize(1);
                    assertThat(String.valueOf(received.get(0).body())).contains("SKU-AFTER");
                    ctx.completeNow();
                })));
    }

    @Test
    void aWatchEndsDeadlineExceededAtItsDeadlineAndStopsReadingTheLedger(Vertx vertx, VertxTestContext ctx) {
        SampleBackend.start(vertx)
                .compose(backend -> GatewayHarness.start(vertx, dataDir, backend, options -> {
                }))
                .compose(harness -> harness.call(OrdersGrpcClient.WatchOrders, WatchOrdersRequest.getDefaultInstance(),
                                bearer(harness.token("acme", ALL_SCOPES)), 300)
                        .compose(answer -> {
                            ctx.verify(() -> {
                                assertThat(answer.status()).isEqualTo(GrpcStatus.DEADLINE_EXCEEDED);
                                assertThat(answer.metadata().get(GrpcErrors.CODE_TRAILER)).isEqualTo("TIMEOUT");
                            });
                            return vertx.executeBlocking(() -> {
                                await().atMost(Duration.ofSeconds(5))
                                        .until(() -> harness.gateway.runningOrderStreams() == 0);
                                return answer;
                            });
                        })
                        .eventually(() -> harness.stop()))
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void aWatchTheClientCancelsStopsReadingTheLedger(Vertx vertx, VertxTestContext ctx) {
        SampleBackend.start(vertx)
                .compose(backend -> GatewayHarness.start(vertx, dataDir, backend, options -> {
                }))
                .compose(harness -> harness.stream(OrdersGrpcClient.WatchOrders,
                                WatchOrdersRequest.getDefaultInstance(), bearer(harness.token("acme", ALL_SCOPES)), 0)
                        .map(watch -> {
                            ctx.verify(() -> assertThat(harness.gateway.runningOrderStreams()).isEqualTo(1));
                            watch.call().cancel();
                            return watch;
                        })
                        .compose(watch -> vertx.executeBlocking(() -> {
                            await().atMost(Duration.ofSeconds(5))
                                    .until(() -> harness.gateway.runningOrderStreams() == 0);
                            return watch;
                        }))
                        .eventually(() -> harness.stop()))
                .onComplete(ctx.succeedingThenComplete());
    }
}
