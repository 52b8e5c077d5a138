package io.whizbang.runtime;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;
import io.whizbang.ledger.Ledger;
import io.whizbang.projection.DeadLetter;
import io.whizbang.projection.ProjectionStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.whizbang.runtime.Await.failure;
import static io.whizbang.runtime.Await.result;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class ProjectionsEndpointTest {
    private final Tally tally = new Tally();
    private Vertx vertx;
    private Ledger ledger;
    private Projections projections;
    private ProjectionsEndpoint endpoint;
    private ProjectionsClient client;

    @BeforeEach
    void start(Vertx vertx) {
        this.vertx = vertx;
        ledger = Ledger.memory(vertx);
        tally.poison = event -> event.by() == 13;
        projections = result(Projections.start(vertx, tally.registry, ledger, ProjectionStore.memory(),
                new ProjectionsOptions().setRetryPolicy(RetryPolicy.immediate(1)).setHealthCheckMillis(0)
                        .setRetiredGenerationGraceMillis(0)));
        endpoint = result(ProjectionsEndpoint.serve(vertx, projections, "whizbang"));
        client = ProjectionsClient.create(vertx);
    }

    @AfterEach
    void stop() {
        result(endpoint.close());
        result(projections.stop());
    }

    private static void assertCode(Throwable failure, ErrorCode code) {
        assertThat(failure).isInstanceOf(WhizbangException.class);
        assertThat(((WhizbangException) failure).code()).isEqualTo(code);
    }

    @Test
    void statusAnswersTheHealthOfEveryPerspectiveOrOfOne() {
        result(tally.add(ledger, "acme", "c1", 2));
        result(projections.caughtUp(1));

        List<PerspectiveHealth> all = result(client.status());
        PerspectiveHealth one = result(client.status(Tally.NAME));

        assertThat(all).extracting(PerspectiveHealth::perspective).containsExactly(Tally.NAME);
        assertThat(one.position()).isEqualTo(1);
        assertThat(one.head()).isEqualTo(1);
        assertThat(one.state()).isEqualTo(PerspectiveState.RUNNING);
        assertCode(failure(client.status("nope")), ErrorCode.NOT_FOUND);
    }

    @Test
    void deadLettersAreListedRetriedAndSkippedThroughTheClient() {
        result(tally.add(ledger, "acme", "c1", 13));
        result(tally.add(ledger, "acme", "c2", 13));
        result(projections.caughtUp(2));

        assertThat(result(client.deadLetters(Tally.NAME))).extracting(DeadLetter::position).containsExactly(1L, 2L);
        assertCode(failure(client.retry(Tally.NAME, 1)), ErrorCode.CONFLICT);
        tally.poison = event -> false;
        assertThat(result(client.retry(Tally.NAME, 1)).status()).isEqualTo(DeadLetter.Status.RETRIED);
        assertThat(result(client.skip(Tally.NAME, 2)).status()).isEqualTo(DeadLetter.Status.SKIPPED);

        assertThat(result(client.deadLetters(Tally.NAME))).isEmpty();
        assertThat(result(client.deadLetters(Tally.NAME, true))).extracting(DeadLetter::status)
                .containsExactly(DeadLetter.Status.RETRIED, DeadLetter.Status.SKIPPED);
        assertCode(failure(client.skip(Tally.NAME, 9)), ErrorCode.NOT_FOUND);
    }

    @Test
    void rebuildAndWaitReportsProgressUntilTheNewGenerationTookOver() {
        for (int i = 0; i < 30; i++) {
            result(tally.add(ledger, "acme", "c" + (i % 4), 1));
        }
        List<PerspectiveHealth> progress = new CopyOnWriteArrayList<>();

        PerspectiveHealth done = result(client.rebuildAndWait(Tally.NAME, 10, progress::add));

        assertThat(done.generation()).isEqualTo(1);
        assertThat(done.rebuild()).isNull();
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(0).rebuild()).isNotNull();
        assertThat(progress.get(0).rebuild().generation()).isEqualTo(1);
        assertCode(failure(client.rebuild("nope")), ErrorCode.NOT_FOUND);
    }

    @Test
    void aBroadcastRebuildReachesThePerspectivesThroughTheRebuilder() {
        assertThat(projections.rebuilder().perspectives()).containsExactly(Tally.NAME);

        JsonObject report = result(projections.rebuilder().rebuild(Tally.NAME));

        // an empty ledger is rebuilt at once: the report shows generation 1 being built or already live
        JsonObject rebuild = report.getJsonObject("rebuild");
        assertThat(rebuild == null ? report.getInteger("generation") : rebuild.getInteger("generation")).isEqualTo(1);
        assertCode(failure(projections.rebuilder().rebuild("nope")), ErrorCode.NOT_FOUND);
    }

    @Test
    void malformedRequestsAreInvalidArgumentsNeverStackTraces() {
        Throwable notJson = failure(vertx.eventBus().request(client.addresses().rebuild(), "count"));
        Throwable noName = failure(vertx.eventBus().request(client.addresses().rebuild(), new JsonObject()));
        Throwable badPosition = failure(vertx.eventBus().request(client.addresses().deadLettersRetry(),
                new JsonObject().put("perspective", Tally.NAME).put("position", 0)));

        for (Throwable failure : List.of(notJson, noName, badPosition)) {
            assertThat(failure).isInstanceOf(ReplyException.class);
            assertThat(ErrorCode.fromWireCode(((ReplyException) failure).failureCode()))
                    .isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(failure.getMessage()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void readYourWritesThroughTheClientAwaitsTheInlinePerspectivesOrFailsWithoutARuntime() {
        result(tally.add(ledger, "acme", "c1", 1));
        String reached = result(client.readYourWrites().awaitCommitted(1).map(done -> "reached"));
        assertThat(reached).isEqualTo("reached");
        result(endpoint.close());

        assertCode(failure(client.readYourWrites().awaitCommitted(1)), ErrorCode.UNAVAILABLE);
        endpoint = result(ProjectionsEndpoint.serve(vertx, projections, "whizbang"));
    }
}
