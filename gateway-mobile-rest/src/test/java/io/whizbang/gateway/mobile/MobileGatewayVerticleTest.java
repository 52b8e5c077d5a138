package io.whizbang.gateway.mobile;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import io.vertx.junit5.VertxExtension;
import io.whizbang.security.DevelopmentKey;
import io.whizbang.security.TokenVerifierOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mobile gateway's options and start-up; its health endpoints are checked by MobileGatewayHealthTest. */
@ExtendWith(VertxExtension.class)
class MobileGatewayVerticleTest {
    @TempDir
    static Path dataDir;

    @Test
    void listensOnPort8081ByDefault() {
        assertThat(new MobileGatewayOptions().getPort()).isEqualTo(8081);
        assertThat(new MobileGatewayOptions(new JsonObject()).getPort()).isEqualTo(8081);
        assertThat(new MobileGatewayOptions(new MobileGatewayOptions().setPort(0).toJson()).getPort()).isZero();
    }

    @Test
    void optionsSurviveTheirJson() {
        MobileGatewayOptions options = new MobileGatewayOptions().setBodyLimitBytes(1024).setDefaultPageSize(5)
                .setCompressionSupported(false).setAddressPrefix("other").setTokenCacheSize(7).setTokenCacheMillis(0)
                .setTokens(TokenVerifierOptions.development(DevelopmentKey.loadOrCreate(dataDir)));

        MobileGatewayOptions copy = new MobileGatewayOptions(options.toJson());

        assertThat(copy.toJson()).isEqualTo(options.toJson());
        assertThat(copy.getBodyLimitBytes()).isEqualTo(1024);
        assertThat(copy.getDefaultPageSize()).isEqualTo(5);
        assertThat(copy.isCompressionSupported()).isFalse();
        assertThat(copy.getTokenCacheSize()).isEqualTo(7);
        assertThat(copy.getTokenCacheMillis()).isZero();
        assertThat(copy.getTokens().getHmacSecret()).isEqualTo(options.getTokens().getHmacSecret());
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        MobileGatewayOptions options = new MobileGatewayOptions();

        assertThat(options.getBodyLimitBytes()).isEqualTo(256 * 1024);
        assertThat(options.getDefaultPageSize()).isEqualTo(20);
        assertThat(options.isCompressionSupported()).isTrue();
        assertThat(options.getTokenCacheSize()).isEqualTo(10_000);
        assertThat(options.getTokenCacheMillis()).isEqualTo(60_000);
        assertThat(options.getTokens()).isNull();
    }

    @Test
    void optionsRejectValuesOutOfRange() {
        assertThatThrownBy(() -> new MobileGatewayOptions().setBodyLimitBytes(0))
                .hasMessageContaining("bodyLimitBytes");
        assertThatThrownBy(() -> new MobileGatewayOptions().setDefaultPageSize(101))
                .hasMessageContaining("defaultPageSize");
        assertThatThrownBy(() -> new MobileGatewayOptions().setTokenCacheMillis(-1))
                .hasMessageContaining("tokenCacheMillis");
        assertThatThrownBy(() -> new MobileGatewayOptions().setAddressPrefix(" "))
                .hasMessageContaining("addressPrefix");
    }

    @Test
    void aGatewayWithoutTokenOptionsRefusesToStart(Vertx vertx, VertxTestContext ctx) {
        vertx.deployVerticle(new MobileGatewayVerticle(new MobileGatewayOptions().setPort(0)))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertThat(failure).hasMessageContaining("setTokens");
                    ctx.completeNow();
                })));
    }
}
