package io.whizbang.gateway.mobile;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.whizbang.health.HealthEndpointsContractTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The mobile gateway against the health-endpoint contract. */
class MobileGatewayVerticleTest extends HealthEndpointsContractTest {
    @Override
    protected Future<Integer> startService(Vertx vertx) {
        MobileGatewayVerticle verticle = new MobileGatewayVerticle(new MobileGatewayOptions().setPort(0));
        return vertx.deployVerticle(verticle).map(deployed -> verticle.actualPort());
    }

    @Test
    void listensOnPort8081ByDefault() {
        assertThat(new MobileGatewayOptions().getPort()).isEqualTo(8081);
        assertThat(new MobileGatewayOptions(new JsonObject()).getPort()).isEqualTo(8081);
        assertThat(new MobileGatewayOptions(new MobileGatewayOptions().setPort(0).toJson()).getPort()).isZero();
    }
}
