package io.whizbang.gateway.desktop;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.InvalidProtocolBufferException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.GrpcMessageEncoder;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.health.v1.HealthCheckRequest;
import io.vertx.grpc.health.v1.HealthCheckResponse;
import io.vertx.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.vertx.grpc.health.v1.HealthListRequest;
import io.vertx.grpc.health.v1.HealthListResponse;
import io.vertx.grpc.reflection.v1.ServerReflectionRequest;
import io.vertx.grpc.reflection.v1.ServerReflectionResponse;
import io.vertx.grpc.reflection.v1.ServiceResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.error.ErrorCode;
import io.whizbang.examples.testing.SampleBackend;
import io.whizbang.http.HttpServiceOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standard gRPC health service follows the dispatcher on the bus, and server reflection describes the sample's
 * services; both called with a real gRPC client, as grpc-health-probe and grpcurl would.
 */
@ExtendWith(VertxExtension.class)
class HealthAndReflectionTest {
    private static final ServiceName HEALTH = ServiceName.create("grpc.health.v1.Health");
    private static final ServiceMethod<HealthCheckResponse, HealthCheckRequest> CHECK = ServiceMethod.client(HEALTH,
            "Check", GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(HealthCheckResponse.newBuilder()));
    private static final ServiceMethod<HealthCheckResponse, HealthCheckRequest> WATCH = ServiceMethod.client(HEALTH,
            "Watch", GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(HealthCheckResponse.newBuilder()));
    private static final ServiceMethod<HealthListResponse, HealthListRequest> LIST = ServiceMethod.client(HEALTH,
            "List", GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(HealthListResponse.newBuilder()));
    private static final ServiceMethod<ServerReflectionResponse, ServerReflectionRequest> REFLECT =
            ServiceMethod.client(ServiceName.create("grpc.reflection.v1.ServerReflection"), "ServerReflectionInfo",
                    GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(ServerReflectionResponse.newBuilder()));

    @TempDir
    Path dataDir;

    private static HealthCheckRequest service(String name) {
        return HealthCheckRequest.newBuilder().setService(name).build();
    }

    private Future<GatewayHarness> gatewayAlone(Vertx vertx) {
        return GatewayHarness.start(vertx, dataDir, null, options -> options.setHealthWatchIntervalMillis(20)
                .setReadinessTimeoutMillis(200));
    }

    @Test
    void withoutADispatcherOnTheBusTheGatewayIsNotServing(Vertx vertx, VertxTestContext ctx) {
        gatewayAlone(vertx).compose(harness -> Future.all(
                                harness.call(CHECK, service(""), Map.of()),
                                harness.call(CHECK, service("whizbang.sample.v1.Orders"), Map.of()),
                                harness.call(CHECK, service("grpc.health.v1.Health"), Map.of()),
                                harness.call(CHECK, service("acme.Payroll"), Map.of()))
                        .eventually(() -> harness.stop()))
                .onComplete(ctx.succeeding(answers -> ctx.verify(() -> {
                    GatewayHarness.Answer<HealthCheckResponse> overall = answers.resultAt(0);
                    GatewayHarness.Answer<HealthCheckResponse> orders = answers.resultAt(1);
                    GatewayHarness.Answer<HealthCheckResponse> health = answers.resultAt(2);
                    GatewayHarness.Answer<HealthCheckResponse> unknown = answers.resultAt(3);
                    assertThat(overall.body().getStatus()).isEqualTo(ServingStatus.NOT_SERVING);
                    assertThat(orders.body().getStatus()).isEqualTo(ServingStatus.NOT_SERVING);
                    assertThat(health.body().getStatus()).isEqualTo(ServingStatus.SERVING);
                    assertThat(unknown.status()).isEqualTo(GrpcStatus.NOT_FOUND);
                    ctx.completeNow();
                })));
    }

    @Test
    void withTheBackEndOnTheBusEveryServiceIsServing(Vertx vertx, VertxTestContext ctx) {
        SampleBackend.start(vertx)
                .compose(backend -> GatewayHarness.start(vertx, dataDir, backend, options -> {
                }))
                .compose(harness -> Future.all(harness.call(CHECK, service(""), Map.of()),
                                harness.call(LIST, HealthListRequest.getDefaultInstance(), Map.of()))
                        .eventually(() -> harness.stop()))
                .onComplete(ctx.succeeding(answers -> ctx.verify(() -> {
                    GatewayHarness.Answer<HealthCheckResponse> overall = answers.resultAt(0);
                    GatewayHarness.Answer<HealthListResponse> list = answers.resultAt(1);
                    assertThat(overall.body().getStatus()).isEqualTo(ServingStatus.SERVING);
                    assertThat(list.body().getStatusesMap()).containsOnlyKeys("whizbang.sample.v1.Orders",
                            "whizbang.sample.v1.Inventory", "grpc.health.v1.Health",
                            "grpc.reflection.v1.ServerReflection");
                    assertThat(list.body().getStatusesMap().values()).extracting(HealthCheckResponse::getStatus)
                            .containsOnly(ServingStatus.SERVING);
                    ctx.completeNow();
                })));
    }

    @Test
    void watchTellsWhenTheDispatcherArrives(Vertx vertx, VertxTestContext ctx) {
        List<ServingStatus> seen = new CopyOnWriteArrayList<>();
        Promise<Void> serving = Promise.promise();
        gatewayAlone(vertx)
                .compose(harness -> harness.stream(WATCH, service(""), Map.of(), 0)
                        .compose(watch -> {
                            watch.response().handler(answer -> {
                                seen.add(answer.getStatus());
                                if (answer.getStatus() == ServingStatus.SERVING) {
                                    serving.tryComplete();
                                    watch.call().cancel();
                                } else {
                                    // a dispatcher arrives on the bus once the watch said NOT_SERVING
                                    vertx.eventBus().consumer(HttpServiceOptions.DEFAULT_READINESS_ADDRESS,
                                            message -> message.fail(ErrorCode.INVALID_ARGUMENT.wireCode(), "empty"));
                                }
                            });
                            return serving.future();
                        })
                        .eventually(() -> harness.stop()))
                .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
                    assertThat(seen).containsExactly(ServingStatus.NOT_SERVING, ServingStatus.SERVING);
                    ctx.completeNow();
                })));
    }

    @Test
    void reflectionListsTheServicesAndDescribesTheirFiles(Vertx vertx, VertxTestContext ctx) {
        gatewayAlone(vertx).compose(harness -> Future.all(
                                harness.call(REFLECT, ServerReflectionRequest.newBuilder().setListServices("*").build(),
                                        Map.of()),
                                harness.call(REFLECT, ServerReflectionRequest.newBuilder()
                                        .setFileContainingSymbol("whizbang.sample.v1.Orders").build(), Map.of()))
                        .eventually(() -> harness.stop()))
                .onComplete(ctx.succeeding(answers -> ctx.verify(() -> {
                    GatewayHarness.Answer<ServerReflectionResponse> list = answers.resultAt(0);
                    GatewayHarness.Answer<ServerReflectionResponse> file = answers.resultAt(1);
                    assertThat(list.body().getListServicesResponse().getServiceList())
                            .extracting(ServiceResponse::getName)
                            .contains("whizbang.sample.v1.Orders", "whizbang.sample.v1.Inventory",
                                    "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection");
                    FileDescriptorProto orders = parse(file.body().getFileDescriptorResponse()
                            .getFileDescriptorProto(0).toByteArray());
                    assertThat(orders.getName()).isEqualTo("whizbang/sample/v1/orders.proto");
                    assertThat(orders.getPackage()).isEqualTo("whizbang.sample.v1");
                    assertThat(orders.getService(0).getMethodList()).extracting(m -> m.getName())
                            .containsExactly("PlaceOrder", "ConfirmOrder", "CancelOrder", "ShipOrder", "GetOrder",
                                    "ListCustomerOrders", "WatchOrders");
                    ctx.completeNow();
                })));
    }

    private static FileDescriptorProto parse(byte[] bytes) {
        try {
            return FileDescriptorProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("reflection sent a file descriptor that does not parse", e);
        }
    }
}
