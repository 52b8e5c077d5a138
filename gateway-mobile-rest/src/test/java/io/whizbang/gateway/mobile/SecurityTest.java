package io.whizbang.gateway.mobile;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.whizbang.examples.Scopes;
import io.whizbang.security.DevelopmentKey;
import io.whizbang.security.DevelopmentTokens;
import io.whizbang.security.Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import static io.whizbang.gateway.mobile.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may do what: tokens, scopes and tenants, each refusal coded and writing nothing. */
class SecurityTest extends GatewayTestBase {
    @TempDir
    Path otherDataDir;

    @Test
    void aRequestWithoutATokenIsUnauthenticated() {
        long head = ledgerHead();

        HttpResponse<Buffer> sent = post("/api/inventory/SKU-1/restock", null, new JsonObject().put("quantity", 5));

        JsonObject problem = assertProblem(sent, 401, "UNAUTHENTICATED");
        assertThat(problem.getString("detail")).contains("Bearer");
        assertThat(sent.getHeader("WWW-Authenticate")).startsWith("Bearer");
        assertThat(ledgerHead()).isEqualTo(head);
    }

    @Test
    void anExpiredTokenIsUnauthenticated() {
        Clock anHourAgo = Clock.fixed(Instant.now().minusSeconds(3600), ZoneOffset.UTC);
        String expired = DevelopmentTokens.mint(new Principal("alice", ACME, Set.of(ALL_SCOPES)),
                Duration.ofMinutes(5), key, anHourAgo);

        JsonObject problem = assertProblem(get("/api/inventory/SKU-1", expired), 401, "UNAUTHENTICATED");

        assertThat(problem.getString("detail")).contains("expired");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsUnauthenticated() {
        String forged = DevelopmentTokens.mint(new Principal("mallory", ACME, Set.of(ALL_SCOPES)),
                Duration.ofMinutes(5), DevelopmentKey.loadOrCreate(otherDataDir), Clock.systemUTC());
        long head = ledgerHead();

        HttpResponse<Buffer> sent = post("/api/inventory/SKU-1/restock", forged, new JsonObject().put("quantity", 5));

        assertProblem(sent, 401, "UNAUTHENTICATED");
        assertThat(ledgerHead()).isEqualTo(head);
    }

    @Test
    void aGarbageAuthorizationHeaderIsUnauthenticated() {
        HttpResponse<Buffer> sent = await(request(HttpMethod.GET, "/api/inventory/SKU-1", null)
                .putHeader("Authorization", "Basic YWxpY2U6c2VjcmV0").send());

        assertProblem(sent, 401, "UNAUTHENTICATED");
    }

    @Test
    void aTokenWithoutTheScopeIsDeniedAndWritesNothing() {
        String readOnly = token(ACME, Scopes.ORDERS_READ, Scopes.INVENTORY_READ);
        long head = ledgerHead();

        HttpResponse<Buffer> placed = post("/api/orders", readOnly, new JsonObject()
                .put("customerId", UUID.randomUUID().toString()).put("lines", lines("SKU-1", 1, "1.00")));
        HttpResponse<Buffer> restocked = post("/api/inventory/SKU-1/restock", readOnly,
                new JsonObject().put("quantity", 5));

        assertProblem(placed, 403, "PERMISSION_DENIED");
        assertProblem(restocked, 403, "PERMISSION_DENIED");
        assertThat(ledgerHead()).isEqualTo(head);
    }

    @Test
    void aTokenWithoutTheReadScopeCannotReadAnOrder() {
        String orderId = placeOrder(acme(), UUID.randomUUID(), lines("SKU-1", 1, "1.00"));
        settle();

        assertProblem(get("/api/orders/" + orderId, token(ACME, Scopes.ORDERS_WRITE)), 403, "PERMISSION_DENIED");
    }

    @Test
    void anotherTenantCannotReadChangeListOrWatchAnOrder() {
        UUID customer = UUID.randomUUID();
        restock(acme(), "SKU-1", 5);
        String orderId = placeOrder(acme(), customer, lines("SKU-1", 1, "1.00"));
        settle();
        String globex = token(GLOBEX, ALL_SCOPES);
        long head = ledgerHead();

        HttpResponse<Buffer> read = get("/api/orders/" + orderId, globex);
        HttpResponse<Buffer> shipped = post("/api/orders/" + orderId + "/ship", globex, new JsonObject());
        HttpResponse<Buffer> cancelled = post("/api/orders/" + orderId + "/cancel", globex,
                new JsonObject().put("reason", "not mine"));
        HttpResponse<Buffer> watched = get("/api/orders/" + orderId + "/events", globex);
        HttpResponse<Buffer> listed = get("/api/customers/" + customer + "/orders", globex);
        HttpResponse<Buffer> level = get("/api/inventory/SKU-1", globex);

        assertProblem(read, 404, "NOT_FOUND");
        assertProblem(shipped, 404, "NOT_FOUND");
        assertProblem(cancelled, 404, "NOT_FOUND");
        assertProblem(watched, 404, "NOT_FOUND");
        assertThat(read.bodyAsString()).doesNotContain(customer.toString());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.bodyAsJsonObject().getJsonArray("items")).isEmpty();
        assertProblem(level, 404, "NOT_FOUND");
        assertThat(ledgerHead()).isEqualTo(head);
        assertThat(get("/api/orders/" + orderId, acme()).statusCode()).isEqualTo(200);
    }
}
