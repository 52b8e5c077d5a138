package io.whizbang.deploy;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceTest {
    @Test
    void allSelectsEveryService() {
        assertThat(Service.parseList("all")).isEqualTo(EnumSet.allOf(Service.class));
    }

    @Test
    void listSelectsTheNamedServices() {
        assertThat(Service.parseList("ledger, projections")).containsExactlyInAnyOrder(Service.LEDGER,
                Service.PROJECTIONS);
    }

    @Test
    void unknownServiceNamesTheChoices() {
        assertThatThrownBy(() -> Service.parseList("ledger,kitchen"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown service 'kitchen'; choose from all, ledger, projections, web, mobile, desktop,"
                        + " control");
    }

    @Test
    void gatewaysAndControlPlaneHaveTheirDesignPorts() {
        assertThat(Service.WEB.port()).isEqualTo(8080);
        assertThat(Service.MOBILE.port()).isEqualTo(8081);
        assertThat(Service.DESKTOP.port()).isEqualTo(9090);
        assertThat(Service.CONTROL.port()).isEqualTo(8088);
    }

    @Test
    void runOptionsSurviveJson() {
        RunOptions options = new RunOptions().setServices(EnumSet.of(Service.LEDGER, Service.WEB))
                .setStore(StoreLocation.parse("sqlite:db.sqlite"));

        RunOptions copy = new RunOptions(options.toJson());

        assertThat(copy.getServices()).containsExactlyInAnyOrder(Service.LEDGER, Service.WEB);
        assertThat(copy.getStore()).isEqualTo(options.getStore());
        assertThat(copy.toJson()).isEqualTo(options.toJson());
    }
}
