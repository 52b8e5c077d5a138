package io.whizbang.control;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.whizbang.health.HealthEndpointsContractTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The control plane against the health-endpoint contract. */
class ControlPlaneVerticleTest extends HealthEndpointsContractTest {
    @Override
    protected Future<Integer> startService(Vertx vertx) {
        ControlPlaneVerticle verticle = new ControlPlaneVerticle(new ControlPlaneOptions().setPort(0));
        return vertx.deployVerticle(verticle).map(deployed -> verticle.actualPort());
    }

    @Test
    void listensOnPort8088ByDefault() {
        assertThat(new ControlPlaneOptions().getPort()).isEqualTo(8088);
        assertThat(new ControlPlaneOptions(new JsonObject()).getPort()).isEqualTo(8088);
        assertThat(new ControlPlaneOptions(new ControlPlaneOptions().setPort(0).toJson()).getPort()).isZero();
    }
}
