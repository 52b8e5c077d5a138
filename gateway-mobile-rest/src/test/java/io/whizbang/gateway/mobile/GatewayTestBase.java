package io.whizbang.gateway.mobile;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import io.whizbang.examples.Scopes;
import io.whizbang.examples.testing.SampleBackend;
import io.whizbang.security.DevelopmentKey;
import io.whizbang.security.DevelopmentTokens;
import io.whizbang.security.Principal;
import io.whizbang.security.TokenVerifierOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The sample back end on memory stores and the mobile gateway in front of it on a free port, with a real HTTP client
 * (Vert.x {@link WebClient}) and development tokens; tests wait on the client's futures from the test thread.
 */
@ExtendWith(VertxExtension.class)
abstract class GatewayTestBase {
    static final String ACME = "acme";
    static final String GLOBEX = "globex";
    static final String[] ALL_SCOPES = {Scopes.ORDERS_WRITE, Scopes.ORDERS_READ, Scopes.INVENTORY_WRITE,
        Scopes.INVENTORY_READ};

    @TempDir
    Path dataDir;

    Vertx vertx;
    DevelopmentKey key;
    SampleBackend backend;
    int port;
    WebClient client;

    @BeforeEach
    void startGateway(Vertx vertx) {
        this.vertx = vertx;
        key = DevelopmentKey.loadOrCreate(dataDir);
        backend = await(SampleBackend.start(vertx));
        MobileGatewayVerticle gateway = new MobileGatewayVerticle(options());
        await(vertx.deployVerticle(gateway));
        port = gateway.actualPort();
        client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(port));
    }

    /** The gateway's options; tests may override to change a limit. */
    MobileGatewayOptions options() {
        return new MobileGatewayOptions().setHost("localhost").setPort(0)
                .setTokens(TokenVerifierOptions.development(key));
    }

    /** A bearer token of alice in the tenant with the scopes. */
    String token(String tenant, String... scopes) {
        return DevelopmentTokens.mint(new Principal("alice", tenant, Set.of(scopes)), Duration.ofMinutes(5), key,
                Clock.systemUTC());
    }

    /** A bearer token of alice in acme with every scope of the sample. */
    String acme() {
        return token(ACME, ALL_SCOPES);
    }

    /** A request with the token (none when {@code null}). */
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

    /** Places an order of the lines for a new customer and answers its id. */
    String placeOrder(String token, UUID customerId, JsonArray lines) {
        HttpResponse<Buffer> placed = post("/api/orders", token,
                new JsonObject().put("customerId", customerId.toString()).put("lines", lines));
        if (placed.statusCode() != 201) {
            throw new AssertionError("placing failed: " + placed.statusCode() + " " + placed.bodyAsString());
        }
        return placed.bodyAsJsonObject().getString("orderId");
    }

    static JsonArray lines(String sku, int quantity, String unitPrice) {
        return new JsonArray().add(new JsonObject().put("sku", sku).put("quantity", quantity)
                .put("unitPrice", Double.parseDouble(unitPrice)));
    }

    /** Restocks the SKU in the token's tenant. */
    void restock(String token, String sku, int quantity) {
        HttpResponse<Buffer> restocked = post("/api/inventory/" + sku + "/restock", token,
                new JsonObject().put("quantity", quantity));
        if (restocked.statusCode() != 202) {
            throw new AssertionError("restock failed: " + restocked.statusCode() + " " + restocked.bodyAsString());
        }
    }

    /** The ledger's head position, to assert that bad input wrote nothing. */
    long ledgerHead() {
        return await(backend.ledger().head());
    }

    /** Waits for sagas and perspectives to catch up with the ledger. */
    void settle() {
        await(backend.settle());
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the future did not succeed: " + e, e);
        }
    }
}
