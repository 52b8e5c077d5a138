package io.whizbang.health;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.gateway.mobile.MobileGatewayOptions;
import io.whizbang.gateway.mobile.MobileGatewayVerticle;
import io.whizbang.security.DevelopmentKey;
import io.whizbang.security.TokenVerifierOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mobile gateway against the health-endpoint contract.
 *
 * <p>It lives in the contract's package only to override its package-private 404 test: every problem of this gateway
 * also carries its {@code correlationId} in the body, which the contract's exact-equality check does not expect.
 */
class MobileGatewayHealthTest extends HealthEndpointsContractTest {
    @TempDir
    static Path dataDir;

    @Override
    protected Future<Integer> startService(Vertx vertx) {
        MobileGatewayVerticle verticle = new MobileGatewayVerticle(new MobileGatewayOptions().setPort(0)
                .setTokens(TokenVerifierOptions.development(DevelopmentKey.loadOrCreate(dataDir))));
        return vertx.deployVerticle(verticle).map(deployed -> verticle.actualPort());
    }

    @Test
    @Override
    void unknownRouteIsANotFoundProblemWithItsCode(VertxTestContext ctx) {
        get("/nope", "journey-44").onComplete(ctx.succeeding(answer -> ctx.verify(() -> {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
            assertThat(answer.json()).isEqualTo(new JsonObject().put("type", "about:blank")
                    .put("title", "Not Found").put("status", 404).put("detail", "no route GET /nope")
                    .put("code", "NOT_FOUND").put("correlationId", "journey-44"));
            ctx.completeNow();
        })));
    }
}
