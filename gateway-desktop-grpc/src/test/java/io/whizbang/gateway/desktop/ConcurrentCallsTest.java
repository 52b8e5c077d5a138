package io.whizbang.gateway.desktop;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.gateway.desktop.v1.InventoryGrpcClient;
import io.whizbang.gateway.desktop.v1.RestockReply;
import io.whizbang.gateway.desktop.v1.RestockRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.whizbang.gateway.desktop.GatewayHarness.ALL_SCOPES;
import static io.whizbang.gateway.desktop.GatewayHarness.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many calls in flight at once, answered from the event bus in whatever order the back end finishes them and flushed
 * to the socket together: each caller still gets its own complete answer (headers, message, status) under its own
 * correlation id.
 */
@ExtendWith(VertxExtension.class)
class ConcurrentCallsTest {
    private static final int CALLS = 64;

    @TempDir
    Path dataDir;
    private GatewayHarness harness;

    @BeforeEach
    void start(Vertx vertx, VertxTestContext ctx) {
        GatewayHarness.start(vertx, dataDir).onComplete(ctx.succeeding(started -> {
            harness = started;
            ctx.completeNow();
        }));
    }

    @AfterEach
    void stop(VertxTestContext ctx) {
        harness.stop().onComplete(ctx.succeedingThenComplete());
    }

    @Test
    void callsInFlightTogetherAreEachAnsweredWithTheirOwnReplyAndCorrelationId(VertxTestContext ctx) {
        // given
        Map<String, String> acme = bearer(harness.token("acme", ALL_SCOPES));
        List<Future<GatewayHarness.Answer<RestockReply>>> answers = new ArrayList<>();

        // when
        for (int i = 0; i < CALLS; i++) {
            Map<String, String> metadata = new HashMap<>(acme);
            metadata.put(Correlation.METADATA, "journey-" + i);
            answers.add(harness.call(InventoryGrpcClient.Restock,
                    RestockRequest.newBuilder().setSku("SKU-" + i).setQuantity(i + 1).build(), metadata));
        }

        // then
        Future.all(answers).onComplete(ctx.succeeding(all -> ctx.verify(() -> {
            for (int i = 0; i < CALLS; i++) {
                GatewayHarness.Answer<RestockReply> answer = answers.get(i).result();
                assertThat(answer.status()).isEqualTo(GrpcStatus.OK);
                assertThat(answer.body().getSku()).isEqualTo("SKU-" + i);
                assertThat(answer.body().getVersion()).isEqualTo(1);
                assertThat(answer.metadata().get(Correlation.METADATA)).isEqualTo("journey-" + i);
            }
            ctx.completeNow();
        })));
    }
}
