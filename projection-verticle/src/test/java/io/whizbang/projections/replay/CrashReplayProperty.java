package io.whizbang.projections.replay;

import io.whizbang.projections.BankRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.MessageIds;
import io.whizbang.projection.Document;
import io.whizbang.projection.DocumentQuery;
import io.whizbang.projection.ProjectionStore;
import io.whizbang.registry.Registry;
import io.whizbang.runtime.Projections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash-replay property, for any durable store: a perspective fed by the streams of several tenants is killed
 * at a random moment of a random batch (loading, before, during or after its commit); events go on being appended
 * while it is down; it restarts on a new store over the same data, from its checkpoint. Its read model must then
 * equal one built from scratch over the same ledger — no deposit lost, none counted twice, no tenant's documents in
 * another's — and its checkpoint must be the ledger's head.
 */
final class CrashReplayProperty {
    private static final List<String> TENANTS = List.of("acme", "globex", "initech");
    private static final long TIMEOUT_SECONDS = 30;

    /** A durable store under test: opened, and killed the hard way, over the same data each time. */
    interface DurableStore {
        /** Opens the store over the trial's data (the same data every time for the same trial). */
        Future<ProjectionStore> open(Vertx vertx, int trial);

        /** Kills an open store abruptly; completes once nothing of it runs any more. */
        Future<Void> kill(Vertx vertx, ProjectionStore store);
    }

    private CrashReplayProperty() {
    }

    /** Runs one trial per seed; fails with the seed and what differed. */
    static void check(Vertx vertx, DurableStore durable, long... seeds) throws Exception {
        for (int trial = 0; trial < seeds.length; trial++) {
            check(vertx, durable, trial, seeds[trial]);
        }
    }

    private static void check(Vertx vertx, DurableStore durable, int trial, long seed) throws Exception {
        Random random = new Random(seed);
        List<List<StreamAppend>> chunks = chunks(random);
        int crashBatch = 1 + random.nextInt(chunks.size() - 1);
        // every moment in turn, so a few trials cover them all
        CrashingStore.Moment moment = CrashingStore.Moment.values()[trial % CrashingStore.Moment.values().length];
        String trialName = "seed " + seed + ": crash at batch " + crashBatch + " " + moment;
        Registry registry = BankRegistry.create();
        Ledger ledger = Ledger.memory(vertx);
        try {
            // given a perspective that dies in the middle of a batch
            ProjectionStore first = await(durable.open(vertx, trial));
            CrashingStore crashing = new CrashingStore(first, crashBatch, moment, () -> durable.kill(vertx, first));
            Projections running = await(Projections.start(vertx, registry, ledger, crashing));
            int next = 0;
            while (next < chunks.size() && !crashing.crashed().isComplete()) {
                long position = await(ledger.append(chunks.get(next++))).position();
                await(Future.any(running.caughtUp(position), crashing.crashed()));
            }
            assertThat(crashing.crashed().isComplete()).as(trialName + ": the crash happened").isTrue();
            await(crashing.crashed());
            await(running.stop().timeout(5, TimeUnit.SECONDS).otherwiseEmpty());
            // when events keep coming while it is down, and it restarts from its checkpoint
            while (next < chunks.size()) {
                await(ledger.append(chunks.get(next++)));
            }
            long head = await(ledger.head());
            ProjectionStore restarted = await(durable.open(vertx, trial));
            ProjectionStore scratch = ProjectionStore.memory();
            Projections resumed = await(Projections.start(vertx, registry, ledger, restarted));
            Projections rebuilt = await(Projections.start(vertx, registry, ledger, scratch));
            await(resumed.caughtUp(head));
            await(rebuilt.caughtUp(head));
            await(resumed.stop());
            await(rebuilt.stop());
            // then its read model is the one built from scratch
            long deposits = 0;
            for (String tenant : TENANTS) {
                Map<String, JsonObject> actual = readAll(restarted, tenant);
                Map<String, JsonObject> expected = readAll(scratch, tenant);
                assertThat(actual).as(trialName + ": the documents of " + tenant).isEqualTo(expected);
                deposits += actual.values().stream().mapToLong(json -> json.getLong("deposits")).sum();
            }
            assertThat(deposits).as(trialName + ": deposits counted, once each").isEqualTo(eventCount(chunks));
            assertThat(await(restarted.checkpoint(BankRegistry.PERSPECTIVE))).as(trialName + ": checkpoint")
                    .isEqualTo(head);
            await(restarted.close());
        } finally {
            await(ledger.close());
        }
    }

    /** 6 to 15 appends of 1 to 30 deposits each, to accounts of three tenants that share account ids. */
    private static List<List<StreamAppend>> chunks(Random random) {
        List<List<StreamAppend>> chunks = new ArrayList<>();
        int count = 6 + random.nextInt(10);
        for (int c = 0; c < count; c++) {
            Map<String, List<EventData>> byStream = new LinkedHashMap<>();
            int events = 1 + random.nextInt(30);
            for (int e = 0; e < events; e++) {
                String stream = TENANTS.get(random.nextInt(TENANTS.size())) + "/A-" + random.nextInt(6);
                String account = stream.substring(stream.indexOf('/') + 1);
                byStream.computeIfAbsent(stream, s -> new ArrayList<>()).add(new EventData(MessageIds.next(),
                        BankRegistry.DEPOSITED.name(), BankRegistry.DEPOSITED.schemaVersion(),
                        new JsonObject().put("accountId", account).put("cents", 1 + random.nextInt(1000)),
                        new JsonObject()));
            }
            List<StreamAppend> appends = new ArrayList<>();
            byStream.forEach((stream, data) -> appends.add(new StreamAppend(stream.substring(0, stream.indexOf('/')),
                    StreamId.of("Account", stream.substring(stream.indexOf('/') + 1)), ExpectedVersion.any(), data)));
            chunks.add(appends);
        }
        return chunks;
    }

    private static long eventCount(List<List<StreamAppend>> chunks) {
        return chunks.stream().flatMap(List::stream).mapToLong(append -> append.events().size()).sum();
    }

    private static Map<String, JsonObject> readAll(ProjectionStore store, String tenant) throws Exception {
        Map<String, JsonObject> documents = new TreeMap<>();
        DocumentQuery query = DocumentQuery.all(DocumentQuery.MAX_LIMIT);
        while (true) {
            var page = await(store.query(tenant, BankRegistry.PERSPECTIVE, query));
            for (Document document : page.items()) {
                documents.put(document.key(), document.json());
            }
            if (page.nextCursor() == null) {
                return documents;
            }
            query = query.after(page.nextCursor());
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
