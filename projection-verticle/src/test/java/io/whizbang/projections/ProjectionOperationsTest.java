package io.whizbang.projections;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.whizbang.ledger.AppendResult;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.MessageIds;
import io.whizbang.projection.DeadLetter;
import io.whizbang.projection.DocumentKey;
import io.whizbang.projection.DocumentQuery;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.projections.sqlite.SqliteProjectionStore;
import io.whizbang.projections.sqlite.SqliteProjectionStoreOptions;
import io.whizbang.runtime.PerspectiveHealth;
import io.whizbang.runtime.Projections;
import io.whizbang.runtime.ProjectionsClient;
import io.whizbang.runtime.ProjectionsOptions;
import io.whizbang.runtime.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projection verticle on the SQLite store, operated through its control API: a malformed event is parked in the
 * store's file, a rebuild takes over, and both outlive a restart of the store and the verticle.
 */
@ExtendWith(VertxExtension.class)
class ProjectionOperationsTest {
    private static final DocumentKey ALICE = new DocumentKey("acme", BankRegistry.PERSPECTIVE, "A-1");

    @TempDir
    Path directory;
    private Vertx vertx;
    private Ledger ledger;
    private SqliteProjectionStore store;
    private String deployment;
    private ProjectionsClient client;

    @BeforeEach
    void start(Vertx vertx) {
        this.vertx = vertx;
        ledger = Ledger.memory(vertx);
        client = ProjectionsClient.create(vertx);
        deploy();
    }

    @AfterEach
    void stop() {
        undeploy();
    }

    private void deploy() {
        store = await(SqliteProjectionStore.open(vertx, new SqliteProjectionStoreOptions()
                .setFile(directory.resolve("projections.db").toString())));
        deployment = await(vertx.deployVerticle(new ProjectionVerticle(BankRegistry.create(), ledger, store,
                new ProjectionsOptions().setRetryPolicy(RetryPolicy.immediate(2)).setHealthCheckMillis(0)
                        .setRetiredGenerationGraceMillis(0))));
    }

    private void undeploy() {
        if (deployment != null) {
            await(vertx.undeploy(deployment));
            await(store.close());
            deployment = null;
        }
    }

    private long append(JsonObject... payloads) {
        List<EventData> events = List.of(payloads).stream().map(payload -> new EventData(MessageIds.next(),
                BankRegistry.DEPOSITED.name(), BankRegistry.DEPOSITED.schemaVersion(), payload,
                new JsonObject())).toList();
        AppendResult result = await(ledger.append("acme", StreamId.of("Account", "A-1"), ExpectedVersion.any(),
                events));
        return result.position();
    }

    private static JsonObject deposit(long cents) {
        return new JsonObject().put("accountId", "A-1").put("cents", cents);
    }

    private long cents(ProjectionStore lenses) {
        return await(lenses.load(List.of(ALICE))).get(ALICE).json().getLong("cents");
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aMalformedEventIsParkedAndARebuildTakesOverBothOutlivingARestart() {
        long head = append(deposit(100), new JsonObject().put("accountId", "A-1"), deposit(50));
        ProjectionStore lenses = Projections.lensStore(vertx, store, "whizbang");

        PerspectiveHealth before = await(client.status(BankRegistry.PERSPECTIVE));
        while (before.position() < head) {
            before = await(client.status(BankRegistry.PERSPECTIVE));
        }
        assertThat(before.parked()).isEqualTo(1);
        assertThat(before.errors()).isEqualTo(2);
        assertThat(cents(lenses)).isEqualTo(150);
        List<DeadLetter> letters = await(client.deadLetters(BankRegistry.PERSPECTIVE));
        assertThat(letters).extracting(DeadLetter::position).containsExactly(2L);
        assertThat(letters.get(0).error()).contains("cents");

        PerspectiveHealth rebuilt = await(client.rebuildAndWait(BankRegistry.PERSPECTIVE, 20, progress -> { }));

        assertThat(rebuilt.generation()).isEqualTo(1);
        assertThat(cents(lenses)).isEqualTo(150);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!await(store.query("acme", BankRegistry.PERSPECTIVE, DocumentQuery.all(10))).items().isEmpty()
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(await(store.query("acme", BankRegistry.PERSPECTIVE, DocumentQuery.all(10))).items())
                .as("the replaced generation is dropped").isEmpty();

        undeploy();
        deploy();
        long more = append(deposit(7));
        PerspectiveHealth restarted = await(client.status(BankRegistry.PERSPECTIVE));
        while (restarted.position() < more) {
            restarted = await(client.status(BankRegistry.PERSPECTIVE));
        }

        assertThat(restarted.generation()).isEqualTo(1);
        assertThat(restarted.parked()).isEqualTo(1);
        assertThat(cents(Projections.lensStore(vertx, store, "whizbang"))).isEqualTo(157);
        DeadLetter skipped = await(client.skip(BankRegistry.PERSPECTIVE, 2));
        assertThat(skipped.status()).isEqualTo(DeadLetter.Status.SKIPPED);
        assertThat(await(client.deadLetters(BankRegistry.PERSPECTIVE))).isEmpty();
        await(lenses.close());
    }
}
