package io.whizbang.gateway.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.whizbang.examples.Scopes;
import io.whizbang.examples.testing.SampleBackend;
import io.whizbang.http.CorrelationIds;
import io.whizbang.security.DevelopmentKey;
import io.whizbang.security.DevelopmentTokens;
import io.whizbang.security.Principal;
import io.whizbang.security.TokenVerifierOptions;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * The sample back end on the event bus with the web gateway in front of it on a free port, a development key to
 * mint tokens with, and a real HTTP client ({@link WebClient}) for {@code POST /graphql}.
 */
final class GatewayFixture {
    /** Every scope of the sample. */
    static final String[] ALL_SCOPES = {Scopes.ORDERS_WRITE, Scopes.ORDERS_READ, Scopes.INVENTORY_WRITE,
        Scopes.INVENTORY_READ};

    private final Vertx vertx;
    private final SampleBackend backend;
    private final WebGatewayVerticle gateway;
    private final String deployment;
    private final DevelopmentKey key;
    private final WebClient client;

    private GatewayFixture(Vertx vertx, SampleBackend backend, WebGatewayVerticle gateway, String deployment,
                           DevelopmentKey key) {
        this.vertx = vertx;
        this.backend = backend;
        this.gateway = gateway;
        this.deployment = deployment;
        this.key = key;
        this.client = WebClient.create(vertx);
    }

    /** Starts the back end and the gateway with default options. */
    static Future<GatewayFixture> start(Vertx vertx, Path dataDir) {
        return start(vertx, dataDir, options -> options);
    }

    /** Starts the back end and the gateway with the options changed as given. */
    static Future<GatewayFixture> start(Vertx vertx, Path dataDir, UnaryOperator<WebGatewayOptions> change) {
        DevelopmentKey key = DevelopmentKey.loadOrCreate(dataDir);
        WebGatewayOptions options = change.apply(new WebGatewayOptions().setPort(0).setHost("127.0.0.1")
                .setTokenVerifier(TokenVerifierOptions.development(key)));
        WebGatewayVerticle gateway = new WebGatewayVerticle(options);
        return SampleBackend.start(vertx).compose(backend -> vertx.deployVerticle(gateway)
                .map(id -> new GatewayFixture(vertx, backend, gateway, id, key)));
    }

    Vertx vertx() {
        return vertx;
    }

    SampleBackend backend() {
        return backend;
    }

    WebGatewayVerticle gateway() {
        return gateway;
    }

    int port() {
        return gateway.actualPort();
    }

    WebClient client() {
        return client;
    }

    DevelopmentKey key() {
        return key;
    }

    /** A token of the subject in the tenant with the scopes, valid for ten minutes. */
    String token(String subject, String tenant, String... scopes) {
        return DevelopmentTokens.mint(Principal.of(subject, tenant, scopes), Duration.ofMinutes(10), key,
                Clock.systemUTC());
    }

    /** A token of alice in the tenant with every scope of the sample. */
    String token(String tenant) {
        return token("alice", tenant, ALL_SCOPES);
    }

    /** POSTs a GraphQL request to {@code /graphql}, with the token when not null. */
    Future<HttpResponse<Buffer>> post(String token, JsonObject request) {
        var post = client.post(port(), "127.0.0.1", GatewayRouter.GRAPHQL_PATH);
        if (token != null) {
            post.putHeader("Authorization", "Bearer " + token);
        }
        return post.sendJsonObject(request);
    }

    /** POSTs the query with its variables and answers the response body, whatever the status. */
    Future<JsonObject> graphql(String token, String query, JsonObject variables) {
        return post(token, new JsonObject().put("query", query).put("variables", variables))
                .map(HttpResponse::bodyAsJsonObject);
    }

    /** POSTs the query with its variables under the correlation id; answers the whole response. */
    Future<HttpResponse<Buffer>> graphql(String token, String query, JsonObject variables, String correlationId) {
        return client.post(port(), "127.0.0.1", GatewayRouter.GRAPHQL_PATH)
                .putHeader("Authorization", "Bearer " + token)
                .putHeader(CorrelationIds.HEADER, correlationId)
                .sendJsonObject(new JsonObject().put("query", query).put("variables", variables));
    }

    /** Stops the gateway and the back end. */
    Future<Void> stop() {
        client.close();
        return vertx.undeploy(deployment).compose(v -> backend.stop());
    }
}
