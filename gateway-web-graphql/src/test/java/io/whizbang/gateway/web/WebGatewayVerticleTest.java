package io.whizbang.gateway.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.whizbang.health.HealthEndpointsContractTest;
import io.whizbang.security.DevelopmentKey;
import io.whizbang.security.TokenVerifierOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The web gateway against the health-endpoint contract, and its options. */
class WebGatewayVerticleTest extends HealthEndpointsContractTest {
    @TempDir
    Path dataDir;

    @Override
    protected Future<Integer> startService(Vertx vertx) {
        WebGatewayVerticle verticle = new WebGatewayVerticle(new WebGatewayOptions().setPort(0)
                .setTokenVerifier(TokenVerifierOptions.development(DevelopmentKey.loadOrCreate(dataDir))));
        return vertx.deployVerticle(verticle).map(deployed -> verticle.actualPort());
    }

    @Test
    void listensOnPort8080ByDefault() {
        assertThat(new WebGatewayOptions().getPort()).isEqualTo(8080);
        assertThat(new WebGatewayOptions(new JsonObject()).getPort()).isEqualTo(8080);
        assertThat(new WebGatewayOptions(new WebGatewayOptions().setPort(0).toJson()).getPort()).isZero();
    }

    @Test
    void optionsHaveTheirDefaultsAndSurviveJson() {
        WebGatewayOptions defaults = new WebGatewayOptions();
        assertThat(defaults.getMaxBodyBytes()).isEqualTo(256 * 1024);
        assertThat(defaults.getMaxQueryDepth()).isEqualTo(10);
        assertThat(defaults.getMaxQueryComplexity()).isEqualTo(200);
        assertThat(defaults.getDocumentCacheSize()).isEqualTo(1000);

        WebGatewayOptions changed = new WebGatewayOptions().setMaxBodyBytes(4096).setMaxQueryDepth(4)
                .setMaxQueryComplexity(50).setDocumentCacheSize(0).setSubscriptionBatchSize(7)
                .setConnectionInitTimeoutMillis(1234).setGraphiqlEnabled(false).setTokenCacheSize(3).setTokenCacheMillis(5)
                .setTokenVerifier(TokenVerifierOptions.development(DevelopmentKey.loadOrCreate(dataDir)));
        WebGatewayOptions copy = new WebGatewayOptions(changed.toJson());
        assertThat(copy.toJson()).isEqualTo(changed.toJson());
        assertThat(copy.getTokenVerifier().getHmacSecret()).isEqualTo(changed.getTokenVerifier().getHmacSecret());
    }

    @Test
    void optionsRefuseValuesOutOfRange() {
        WebGatewayOptions options = new WebGatewayOptions();
        assertThatThrownBy(() -> options.setMaxBodyBytes(10)).hasMessageContaining("maxBodyBytes");
        assertThatThrownBy(() -> options.setMaxQueryDepth(0)).hasMessageContaining("maxQueryDepth");
        assertThatThrownBy(() -> options.setMaxQueryComplexity(0)).hasMessageContaining("maxQueryComplexity");
        assertThatThrownBy(() -> options.setDocumentCacheSize(-1)).hasMessageContaining("documentCacheSize");
        assertThatThrownBy(() -> options.setSubscriptionBatchSize(0)).hasMessageContaining("subscriptionBatchSize");
        assertThatThrownBy(() -> options.setConnectionInitTimeoutMillis(0))
                .hasMessageContaining("connectionInitTimeoutMillis");
    }

    @Test
    void refusesToStartWithoutAWayToVerifyTokens(Vertx vertx, io.vertx.junit5.VertxTestContext ctx) {
        vertx.deployVerticle(new WebGatewayVerticle(new WebGatewayOptions().setPort(0)))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertThat(failure).hasMessageContaining("tokenVerifier");
                    ctx.completeNow();
                })));
    }
}
