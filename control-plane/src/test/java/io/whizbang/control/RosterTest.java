package io.whizbang.control;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.whizbang.operations.ControlAddresses;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The roster forgets an agent that died without a goodbye once its heartbeats stop. */
@ExtendWith(VertxExtension.class)
class RosterTest {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void anAgentSilentForThreeAndAHalfHeartbeatsIsForgottenAndOneThatSaysHelloAgainIsKept(Vertx vertx)
            throws Exception {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        Roster roster = new Roster(clock);
        ControlAddresses addresses = ControlAddresses.defaults();
        roster.start(vertx, addresses).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        hello(vertx, addresses, "dead");
        hello(vertx, addresses, "alive");
        Awaitility.await().until(() -> roster.members().size() == 2);

        now = now.plus(Duration.ofSeconds(30));
        hello(vertx, addresses, "alive");
        long heardAt = now.toEpochMilli();
        Awaitility.await().until(() -> Long.valueOf(heardAt).equals(roster.lastHeard("alive")));
        now = now.plus(Duration.ofSeconds(10));

        assertThat(roster.members()).extracting(Roster.Member::instance).containsExactly("alive");
    }

    private static void hello(Vertx vertx, ControlAddresses addresses, String instance) {
        vertx.eventBus().publish(addresses.roster(), new JsonObject().put("type", "hello").put("service", "web")
                .put("instance", instance));
    }
}
