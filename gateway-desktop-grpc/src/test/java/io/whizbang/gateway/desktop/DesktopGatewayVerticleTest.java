package io.whizbang.gateway.desktop;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.health.HealthEndpointsContractTest;
import io.whizbang.security.DevelopmentKey;
import io.whizbang.security.TokenVerifierOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The desktop gateway against the health-endpoint contract, over HTTP/1.1 on its gRPC port, and its options. */
class DesktopGatewayVerticleTest extends HealthEndpointsContractTest {
    @TempDir
    Path dataDir;

    @Override
    protected Future<Integer> startService(Vertx vertx) {
        DesktopGatewayVerticle verticle = new DesktopGatewayVerticle(new DesktopGatewayOptions().setPort(0)
                .setTokens(TokenVerifierOptions.development(DevelopmentKey.loadOrCreate(dataDir))));
        return vertx.deployVerticle(verticle).map(deployed -> verticle.actualPort());
    }

    @Test
    void listensOnPort9090ByDefault() {
        assertThat(new DesktopGatewayOptions().getPort()).isEqualTo(9090);
        assertThat(new DesktopGatewayOptions(new JsonObject()).getPort()).isEqualTo(9090);
        assertThat(new DesktopGatewayOptions(new DesktopGatewayOptions().setPort(0).toJson()).getPort()).isZero();
    }

    @Test
    void optionsSurviveTheirJson() {
        DesktopGatewayOptions options = new DesktopGatewayOptions().setMaxMessageBytes(1024).setDefaultPageSize(7)
                .setAddressPrefix("elsewhere").setWatchBatchSize(9).setHealthWatchIntervalMillis(50).setTokenCacheSize(5)
                .setTokens(TokenVerifierOptions.development(DevelopmentKey.loadOrCreate(dataDir)));

        DesktopGatewayOptions copy = new DesktopGatewayOptions(options.toJson());

        assertThat(copy.toJson()).isEqualTo(options.toJson());
        assertThat(copy.getMaxMessageBytes()).isEqualTo(1024);
        assertThat(copy.getTokenCacheSize()).isEqualTo(5);
        assertThat(copy.getTokens().getHmacSecret()).isEqualTo(options.getTokens().getHmacSecret());
        assertThat(new DesktopGatewayOptions().getMaxMessageBytes()).isEqualTo(256 * 1024);
    }

    @Test
    void optionsRefuseValuesOutOfRange() {
        DesktopGatewayOptions options = new DesktopGatewayOptions();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> options.setMaxMessageBytes(0)).withMessageContaining("maxMessageBytes");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> options.setDefaultPageSize(101)).withMessageContaining("defaultPageSize");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> options.setWatchBatchSize(0)).withMessageContaining("watchBatchSize");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> options.setTokenCacheSize(-1)).withMessageContaining("tokenCacheSize");
    }

    @Test
    void refusesToStartWithoutKnowingHowToVerifyTokens(Vertx vertx, VertxTestContext ctx) {
        vertx.deployVerticle(new DesktopGatewayVerticle(new DesktopGatewayOptions().setPort(0)))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertThat(failure).hasMessageContaining("setTokens");
                    ctx.completeNow();
                })));
    }
}
