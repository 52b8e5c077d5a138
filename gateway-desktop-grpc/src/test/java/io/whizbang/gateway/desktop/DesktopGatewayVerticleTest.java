package io.whizbang.gateway.desktop;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.whizbang.health.HealthEndpointsContractTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The desktop gateway against the health-endpoint contract. */
class DesktopGatewayVerticleTest extends HealthEndpointsContractTest {
    @Override
    protected Future<Integer> startService(Vertx vertx) {
        DesktopGatewayVerticle verticle = new DesktopGatewayVerticle(new DesktopGatewayOptions().setPort(0));
        return vertx.deployVerticle(verticle).map(deployed -> verticle.actualPort());
    }

    @Test
    void listensOnPort9090ByDefault() {
        assertThat(new DesktopGatewayOptions().getPort()).isEqualTo(9090);
        assertThat(new DesktopGatewayOptions(new JsonObject()).getPort()).isEqualTo(9090);
        assertThat(new DesktopGatewayOptions(new DesktopGatewayOptions().setPort(0).toJson()).getPort()).isZero();
    }
}
