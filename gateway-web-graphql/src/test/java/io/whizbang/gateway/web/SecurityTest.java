package io.whizbang.gateway.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
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
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what through the gateway: tokens missing, expired or forged, scopes missing, another tenant's order —
 * each a coded GraphQL error that shows none of the data and writes nothing.
 */
class SecurityTest extends GatewayTestSupport {
    @TempDir
    Path otherKeyDir;

    @Test
    void withoutATokenAQueryIsUnauthenticated(VertxTestContext ctx) {
        fixture.graphql(null, ORDER, new JsonObject().put("id", UUID.randomUUID().toString()))
                .onComplete(ctx.succeeding(body -> ctx.verify(() -> {
                    assertThat(body.getJsonObject("data").getValue("order")).isNull();
                    assertThat(codeOf(body)).isEqualTo("UNAUTHENTICATED");
                    assertThat(firstError(body).getString("message")).startsWith("no bearer token");
                    ctx.completeNow();
                })));
    }

    @Test
    void withoutATokenAMutationIsUnauthenticatedAndWritesNothing(VertxTestContext ctx) {
        nothingWritten(ctx, () -> fixture.graphql(null, PLACE_ORDER, new JsonObject().put("input",
                orderInput(UUID.randomUUID(), newSku(), 1, "1.00"))), body -> {
            assertThat(body.getJsonObject("data").getValue("placeOrder")).isNull();
            assertThat(codeOf(body)).isEqualTo("UNAUTHENTICATED");
        });
    }

    @Test
    void anExpiredTokenIsUnauthenticated(VertxTestContext ctx) {
        Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        String expired = DevelopmentTokens.mint(Principal.of("alice", newTenant(), GatewayFixture.ALL_SCOPES),
                Duration.ofMinutes(5), fixture.key(), anHourAgo);
        nothingWritten(ctx, () -> fixture.graphql(expired, RESTOCK, new JsonObject().put("sku", newSku())
                .put("quantity", 1)), body -> {
            assertThat(codeOf(body)).isEqualTo("UNAUTHENTICATED");
            assertThat(firstError(body).getString("message")).contains("expired");
        });
    }

    @Test
    void aTokenSignedWithAnotherKeyIsUnauthenticated(VertxTestContext ctx) {
        String forged = DevelopmentTokens.mint(Principal.of("mallory", newTenant(), GatewayFixture.ALL_SCOPES),
                Duration.ofMinutes(5), DevelopmentKey.loadOrCreate(otherKeyDir), Clock.systemUTC());
        nothingWritten(ctx, () -> fixture.graphql(forged, RESTOCK, new JsonObject().put("sku", newSku())
                .put("quantity", 1)), body -> {
            assertThat(codeOf(body)).isEqualTo("UNAUTHENTICATED");
            assertThat(firstError(body).getString("message")).contains("signature");
        });
    }

    @Test
    void aMutationWithoutItsScopeIsDeniedAndWritesNothing(VertxTestContext ctx) {
        String readOnly = fixture.token("bob", newTenant(), Scopes.ORDERS_READ);
        nothingWritten(ctx, () -> fixture.graphql(readOnly, PLACE_ORDER, new JsonObject().put("input",
                orderInput(UUID.randomUUID(), newSku(), 1, "1.00"))), body -> {
            assertThat(codeOf(body)).isEqualTo("PERMISSION_DENIED");
            assertThat(firstError(body).getString("message")).contains(Scopes.ORDERS_WRITE);
        });
    }

    @Test
    void aQueryWithoutItsScopeIsDenied(VertxTestContext ctx) {
        String ordersOnly = fixture.token("bob", newTenant(), Scopes.ORDERS_READ);
        fixture.graphql(ordersOnly, "query($sku: String!) { inventory(sku: $sku) { onHand } }",
                        new JsonObject().put("sku", newSku()))
                .onComplete(ctx.succeeding(body -> ctx.verify(() -> {
                    assertThat(codeOf(body)).isEqualTo("PERMISSION_DENIED");
                    ctx.completeNow();
                })));
    }

    @Test
    void anotherTenantsOrderIsNotFoundAndNoneOfItIsShown(VertxTestContext ctx) {
        String acme = fixture.token(newTenant());
        String globex = fixture.token("eve", newTenant(), GatewayFixture.ALL_SCOPES);
        UUID customer = UUID.randomUUID();
        String sku = newSku();
        restock(acme, sku, 5)
                .compose(v -> placeOrder(acme, customer, sku, 1, "1.00"))
                .compose(orderId -> fixture.backend().settle().compose(v -> fixture.graphql(globex, ORDER,
                        new JsonObject().put("id", orderId))))
                .onComplete(ctx.succeeding(body -> ctx.verify(() -> {
                    assertThat(body.getJsonObject("data").getValue("order")).isNull();
                    assertThat(codeOf(body)).isEqualTo("NOT_FOUND");
                    assertThat(body.encode()).doesNotContain(customer.toString()).doesNotContain(sku);
                    ctx.completeNow();
                })));
    }

    @Test
    void introspectionNeedsNoToken(VertxTestContext ctx) {
        fixture.graphql(null, "{ __schema { queryType { name } } }", new JsonObject())
                .onComplete(ctx.succeeding(body -> ctx.verify(() -> {
                    assertThat(body.getJsonObject("data").getJsonObject("__schema").getJsonObject("queryType")
                            .getString("name")).isEqualTo("Query");
                    ctx.completeNow();
                })));
    }

    /** Runs the request and checks its body, and that the ledger's head did not move. */
    private static void nothingWritten(VertxTestContext ctx, Supplier<Future<JsonObject>> request,
                                       java.util.function.Consumer<JsonObject> check) {
        fixture.backend().settle().compose(v -> fixture.backend().ledger().head())
                .compose(before -> request.get().compose(body -> fixture.backend().ledger().head().map(after -> {
                    ctx.verify(() -> {
                        check.accept(body);
                        assertThat(after).as("ledger head").isEqualTo(before);
                    });
                    return after;
                })))
                .onComplete(ctx.succeedingThenComplete());
    }
}
