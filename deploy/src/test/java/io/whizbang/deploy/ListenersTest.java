package io.whizbang.deploy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.common.GrpcStatus;
import io.whizbang.gateway.desktop.v1.GetOrderRequest;
import io.whizbang.gateway.desktop.v1.Order;
import io.whizbang.gateway.desktop.v1.OrderStatus;
import io.whizbang.gateway.desktop.v1.OrdersGrpcClient;
import io.whizbang.security.DevelopmentKey;
import io.whizbang.security.DevelopmentTokens;
import io.whizbang.security.Principal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The gateways and the control plane as {@code run} starts them: each on its own port, all reaching the one
 * dispatcher and ledger of the process, all accepting the development tokens of the data directory.
 */
class ListenersTest {
    private static final Principal ALICE = Principal.of("alice", "acme", "orders:write", "orders:read",
            "inventory:write", "inventory:read");

    @TempDir
    Path dataDir;

    private Platform platform;
    private Vertx client;

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            answer(client.close());
        }
        if (platform != null) {
            answer(platform.stop());
        }
    }

    @Test
    void anOrderPlacedOverRestIsReadBackOverGraphQlAndGrpcWithTheSameToken() throws Exception {
        // given every service on free ports
        platform = answer(Platform.start(TestRuns.onFreePorts(new RunOptions().setDataDir(dataDir)
                .setStore(StoreLocation.memory()))));
        client = Vertx.vertx();
        WebClient web = WebClient.create(client);
        String bearer = "Bearer " + DevelopmentTokens.mint(ALICE, Duration.ofMinutes(5),
                DevelopmentKey.loadOrCreate(dataDir), Clock.systemUTC());
        int rest = platform.port(Service.MOBILE);

        // when the order is placed through the REST gateway
        assertThat(answer(web.post(rest, "localhost", "/api/inventory/SKU-1/restock")
                .putHeader("Authorization", bearer).sendJsonObject(new JsonObject().put("quantity", 5)))
                .statusCode()).isEqualTo(202);
        HttpResponse<Buffer> placed = answer(web.post(rest, "localhost", "/api/orders")
                .putHeader("Authorization", bearer)
                .sendJsonObject(new JsonObject().put("customerId", UUID.randomUUID().toString())
                        .put("lines", new io.vertx.core.json.JsonArray().add(new JsonObject().put("sku", "SKU-1")
                                .put("quantity", 2).put("unitPrice", "4.50")))));
        assertThat(placed.statusCode()).as(placed.bodyAsString()).isEqualTo(201);
        String orderId = placed.bodyAsJsonObject().getString("orderId");

        // then the saga confirms it, as GraphQL tells
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<Buffer> answer = answer(web.post(platform.port(Service.WEB), "localhost", "/graphql")
                    .putHeader("Authorization", bearer)
                    .sendJsonObject(new JsonObject().put("query", "{ order(id: \"" + orderId + "\") { status } }")));
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.bodyAsJsonObject().getJsonObject("data").getJsonObject("order").getString("status"))
                    .isEqualTo("CONFIRMED");
        });
        // and gRPC reads the same order
        GrpcClient grpc = GrpcClient.client(client);
        Order order = answer(grpc.request(SocketAddress.inetSocketAddress(platform.port(Service.DESKTOP),
                "localhost"), OrdersGrpcClient.GetOrder).compose(call -> {
                    call.headers().set("authorization", bearer);
                    return call.send(GetOrderRequest.newBuilder().setOrderId(orderId).build());
                }).compose(response -> {
                    assertThat(response.status()).isIn(null, GrpcStatus.OK);
                    return response.last();
                }));
        assertThat(order.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_CONFIRMED);
        // and the control plane is up and ready, since the dispatcher answers on the bus
        assertThat(answer(web.get(platform.port(Service.CONTROL), "localhost", "/ready").send()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRequestWithoutTokenIsRefusedByEveryGateway() throws Exception {
        platform = answer(Platform.start(TestRuns.onFreePorts(new RunOptions().setDataDir(dataDir)
                .setStore(StoreLocation.memory()))));
        client = Vertx.vertx();
        WebClient web = WebClient.create(client);

        assertThat(answer(web.get(platform.port(Service.MOBILE), "localhost", "/api/inventory/SKU-1").send())
                .statusCode()).isEqualTo(401);
        JsonObject graphql = answer(web.post(platform.port(Service.WEB), "localhost", "/graphql")
                .sendJsonObject(new JsonObject().put("query", "{ inventory(sku: \"SKU-1\") { onHand } }")))
                .bodyAsJsonObject();
        assertThat(graphql.getJsonArray("errors").getJsonObject(0).getJsonObject("extensions").getString("code"))
                .isEqualTo("UNAUTHENTICATED");
        assertThat(answer(web.get(platform.port(Service.CONTROL), "localhost", "/api/control/services").send())
                .statusCode()).isEqualTo(401);
    }

    @Test
    void theControlPlaneSeesTheAgentOfEveryServiceAndRefusesNonAdmins() throws Exception {
        platform = answer(Platform.start(TestRuns.onFreePorts(new RunOptions().setDataDir(dataDir)
                .setStore(StoreLocation.memory()))));
        client = Vertx.vertx();
        WebClient web = WebClient.create(client);
        DevelopmentKey key = DevelopmentKey.loadOrCreate(dataDir);
        String admin = "Bearer " + DevelopmentTokens.mint(Principal.of("root", "acme", "whizbang:admin"),
                Duration.ofMinutes(5), key, Clock.systemUTC());
        String user = "Bearer " + DevelopmentTokens.mint(ALICE, Duration.ofMinutes(5), key, Clock.systemUTC());
        int control = platform.port(Service.CONTROL);

        assertThat(answer(web.get(control, "localhost", "/api/control/services").putHeader("Authorization", user)
                .send()).statusCode()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<Buffer> services = answer(web.get(control, "localhost", "/api/control/services")
                    .putHeader("Authorization", admin).send());
            assertThat(services.statusCode()).isEqualTo(200);
            assertThat(services.bodyAsString()).contains("ledger", "projections", "web", "mobile", "desktop");
        });
        assertThat(answer(web.get(control, "localhost", "/metrics").send()).bodyAsString())
                .contains("whizbang");
    }

    @Test
    void onlyTheSelectedListenersStart() throws Exception {
        platform = answer(Platform.start(TestRuns.onFreePorts(new RunOptions().setDataDir(dataDir)
                .setStore(StoreLocation.memory())
                .setServices(EnumSet.of(Service.LEDGER, Service.PROJECTIONS, Service.MOBILE)))));

        assertThat(platform.port(Service.MOBILE)).isPositive();
        assertThat(platform.port(Service.WEB)).isEqualTo(-1);
        assertThat(platform.port(Service.DESKTOP)).isEqualTo(-1);
        assertThat(platform.port(Service.CONTROL)).isEqualTo(-1);
    }

    @Test
    void aPortInUseFailsTheStartNamingTheServiceAndStopsWhatStarted() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            RunOptions options = TestRuns.onFreePorts(new RunOptions().setDataDir(dataDir)
                    .setStore(StoreLocation.memory())).setHost("127.0.0.1")
                    .setPort(Service.DESKTOP, taken.getLocalPort());

            assertThatThrownBy(() -> answer(Platform.start(options)))
                    .hasMessageContaining("desktop service could not listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    private static <T> T answer(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
