package io.whizbang.control;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.DispatcherOptions;
import io.whizbang.dispatch.Receipt;
import io.whizbang.examples.Scopes;
import io.whizbang.examples.orders.place.OrderLine;
import io.whizbang.examples.orders.place.PlaceOrder;
import io.whizbang.examples.inventory.restock.RestockItem;
import io.whizbang.examples.testing.SampleBackend;
import io.whizbang.security.DevelopmentKey;
import io.whizbang.security.DevelopmentTokens;
import io.whizbang.security.Principal;
import io.whizbang.security.TokenVerifierOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The sample back end on memory stores (dispatcher, ledger and perspectives on the event bus) and the control plane
 * in front of it on a free port, with a real HTTP client and development tokens; tests wait on futures from the test
 * thread.
 */
@ExtendWith(VertxExtension.class)
abstract class ControlPlaneTestBase {
    static final String ACME = "acme";

    @TempDir
    Path dataDir;

    Vertx vertx;
    DevelopmentKey key;
    SampleBackend backend;
    ControlPlaneVerticle controlPlane;
    String deployment;
    int port;
    WebClient client;
    Dispatcher dispatcher;

    @BeforeEach
    void startControlPlane(Vertx vertx) {
        this.vertx = vertx;
        key = DevelopmentKey.loadOrCreate(dataDir);
        backend = await(SampleBackend.start(vertx));
        dispatcher = Dispatcher.remote(vertx, backend.registry().codecs(), new DispatcherOptions());
        startControlPlane();
        client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(port));
    }

    @AfterEach
    void stopAll() {
        if (deployment != null) {
            await(vertx.undeploy(deployment));
        }
        await(backend.stop());
    }

    void startControlPlane() {
        controlPlane = new ControlPlaneVerticle(options());
        deployment = await(vertx.deployVerticle(controlPlane));
        port = controlPlane.actualPort();
    }

    void restartControlPlane() {
        await(vertx.undeploy(deployment));
        deployment = null;
        startControlPlane();
        client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(port));
    }

    /** The control plane's options; tests may override. */
    ControlPlaneOptions options() {
        return new ControlPlaneOptions().setHost("localhost").setPort(0).setDeadlineMillis(1000)
                .setDataDir(dataDir.resolve("control").toString()).setTokens(TokenVerifierOptions.development(key));
    }

    String token(String tenant, String... scopes) {
        return DevelopmentTokens.mint(new Principal("alice", tenant, Set.of(scopes)), Duration.ofMinutes(5), key,
                Clock.systemUTC());
    }

    /** An administrator of acme. */
    String admin() {
        return token(ACME, Principal.ADMIN_SCOPE);
    }

    HttpRequest<Buffer> request(HttpMethod method, String path, String token) {
        HttpRequest<Buffer> request = client.request(method, path);
        if (token != null) {
            request.putHeader("Authorization", "Bearer " + token);
        }
        return request;
    }

    HttpResponse<Buffer> get(String path, String token) {
        return await(request(HttpMethod.GET, path, token).send());
    }

    HttpResponse<Buffer> post(String path, String token, JsonObject body) {
        return await(request(HttpMethod.POST, path, token).sendJsonObject(body));
    }

    HttpResponse<Buffer> put(String path, String token, JsonObject body) {
        return await(request(HttpMethod.PUT, path, token).sendJsonObject(body));
    }

    /** Restocks the SKU and places an order for it in acme, through the dispatcher on the bus. */
    Receipt placeOrder(String sku, int quantity) {
        Principal alice = new Principal("alice", ACME, Set.of(Scopes.ORDERS_WRITE, Scopes.INVENTORY_WRITE));
        await(dispatcher.send(alice, new RestockItem(sku, 100)));
        return await(dispatcher.send(alice, new PlaceOrder(UUID.randomUUID(),
                List.of(new OrderLine(sku, quantity, new BigDecimal("2.50"))))));
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the future did not succeed: " + e, e);
        }
    }
}
