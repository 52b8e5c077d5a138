package io.whizbang.gateway.web;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.UUID;

import static io.whizbang.gateway.web.GatewayTestSupport.codeOf;
import static io.whizbang.gateway.web.GatewayTestSupport.firstError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The depth and complexity limits as options set them, and their verdicts reused per document except where a
 * directive reads a variable.
 */
@ExtendWith(VertxExtension.class)
class LimitsTest {
    private static final String CONNECTION = """
            query($id: ID!, $deep: Boolean!) {
              customerOrders(customerId: $id) {
                pageInfo { hasNextPage }
                edges @include(if: $deep) { node { id } }
              }
            }""";

    private static GatewayFixture fixture;

    @BeforeAll
    static void start(Vertx vertx, VertxTestContext ctx, @TempDir Path dataDir) {
        GatewayFixture.start(vertx, dataDir, options -> options.setMaxQueryDepth(3).setMaxQueryComplexity(12))
                .onComplete(ctx.succeeding(started -> {
                    fixture = started;
                    ctx.completeNow();
                }));
    }

    @AfterAll
    static void stop(VertxTestContext ctx) {
        fixture.stop().onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void aDocumentPastTheDepthOptionIsRefusedEveryTimeItIsSent(VertxTestContext ctx) {
        String deep = "{ customerOrders(customerId: \"" + UUID.randomUUID() + "\") { edges { node { id } } } }";
        String token = fixture.token(GatewayTestSupport.newTenant());
        fixture.graphql(token, deep, new JsonObject())
                .compose(first -> fixture.graphql(token, deep, new JsonObject()).map(second -> {
                    ctx.verify(() -> {
                        assertThat(codeOf(first)).isEqualTo("INVALID_ARGUMENT");
                        assertThat(firstError(first).getString("message"))
                                .isEqualTo("maximum query depth exceeded 4 > 3");
                        assertThat(second).isEqualTo(first.put("extensions", second.getJsonObject("extensions")));
                    });
                    return second;
                }))
                .onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void aDocumentPastTheComplexityOptionIsRefused(VertxTestContext ctx) {
        StringBuilder wide = new StringBuilder("{");
        for (int i = 0; i < 5; i++) {
            wide.append(" i").append(i).append(": inventory(sku: \"S\") { sku onHand reserved }");
        }
        fixture.graphql(fixture.token(GatewayTestSupport.newTenant()), wide.append(" }").toString(), new JsonObject())
                .onComplete(ctx.succeeding(body -> ctx.verify(() -> {
                    assertThat(codeOf(body)).isEqualTo("INVALID_ARGUMENT");
                    assertThat(firstError(body).getString("message"))
                            .isEqualTo("maximum query complexity exceeded 20 > 12");
                    ctx.completeNow();
                })));
    }

    @Test
    void aDirectiveThatReadsAVariableIsJudgedOnEveryExecution(VertxTestContext ctx) {
        String token = fixture.token(GatewayTestSupport.newTenant());
        JsonObject shallow = new JsonObject().put("id", UUID.randomUUID().toString()).put("deep", false);
        fixture.graphql(token, CONNECTION, shallow)
                .compose(first -> {
                    ctx.verify(() -> assertThat(first.containsKey("errors")).as(first.encode()).isFalse());
                    return fixture.graphql(token, CONNECTION, shallow.copy().put("deep", true));
                })
                .compose(deep -> {
                    ctx.verify(() -> assertThat(firstError(deep).getString("message")).contains("depth"));
                    return fixture.graphql(token, CONNECTION, shallow);
                })
                .onComplete(ctx.succeeding(again -> ctx.verify(() -> {
                    assertThat(again.getJsonObject("data").getJsonObject("customerOrders").getJsonObject("pageInfo")
                            .getBoolean("hasNextPage")).isFalse();
                    ctx.completeNow();
                })));
    }
}
