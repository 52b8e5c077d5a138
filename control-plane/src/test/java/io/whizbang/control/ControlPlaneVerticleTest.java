package io.whizbang.control;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.whizbang.health.HealthEndpointsContractTest;
import io.whizbang.security.DevelopmentKey;
import io.whizbang.security.TokenVerifierOptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The control plane against the health-endpoint contract. */
class ControlPlaneVerticleTest extends HealthEndpointsContractTest {
    @Override
    protected Future<Integer> startService(Vertx vertx) {
        ControlPlaneVerticle verticle = new ControlPlaneVerticle(new ControlPlaneOptions().setPort(0)
                .setTokens(TokenVerifierOptions.development(DevelopmentKey.loadOrCreate(keyDir()))));
        return vertx.deployVerticle(verticle).map(deployed -> verticle.actualPort());
    }

    private static Path keyDir() {
        try {
            return Files.createTempDirectory("control-plane-key");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void withoutTokenVerificationEveryControlRequestIsUnauthenticated(Vertx vertx) throws Exception {
        ControlPlaneVerticle verticle = new ControlPlaneVerticle(new ControlPlaneOptions().setPort(0));
        vertx.deployVerticle(verticle).toCompletionStage().toCompletableFuture().get();
        int status = io.vertx.ext.web.client.WebClient.create(vertx).get(verticle.actualPort(), "localhost",
                "/api/control/services").putHeader("Authorization", "Bearer x.y.z").send()
                .toCompletionStage().toCompletableFuture().get().statusCode();
        assertThat(status).isEqualTo(401);
    }

    @Test
    void optionsRoundTripThroughJson() {
        ControlPlaneOptions options = new ControlPlaneOptions().setDataDir("/tmp/data").setDeadlineMillis(500)
                .setScanLimit(10).setJournalSize(20).setAddressPrefix("other");
        ControlPlaneOptions copy = new ControlPlaneOptions(options.toJson());
        assertThat(copy.toJson()).isEqualTo(options.toJson());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> options.setDeadlineMillis(60_000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listensOnPort8088ByDefault() {
        assertThat(new ControlPlaneOptions().getPort()).isEqualTo(8088);
        assertThat(new ControlPlaneOptions(new JsonObject()).getPort()).isEqualTo(8088);
        assertThat(new ControlPlaneOptions(new ControlPlaneOptions().setPort(0).toJson()).getPort()).isZero();
    }
}
