package io.whizbang.gateway.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.whizbang.health.HealthEndpointsContractTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The web gateway against the health-endpoint contract. */
class WebGatewayVerticleTest extends HealthEndpointsContractTest {
    @Override
    protected Future<Integer> startService(Vertx vertx) {
        WebGatewayVerticle verticle = new WebGatewayVerticle(new WebGatewayOptions().setPort(0));
        return vertx.deployVerticle(verticle).map(deployed -> verticle.actualPort());
    }

    @Test
    void listensOnPort8080ByDefault() {
        assertThat(new WebGatewayOptions().getPort()).isEqualTo(8080);
        assertThat(new WebGatewayOptions(new JsonObject()).getPort()).isEqualTo(8080);
        assertThat(new WebGatewayOptions(new WebGatewayOptions().setPort(0).toJson()).getPort()).isZero();
    }
}
