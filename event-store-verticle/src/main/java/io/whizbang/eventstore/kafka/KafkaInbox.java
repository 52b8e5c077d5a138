package io.whizbang.eventstore.kafka;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.OffsetAndMetadata;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.serialization.BufferDeserializer;
import io.vertx.kafka.client.serialization.BufferSerializer;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.error.PermanentException;
import io.whizbang.error.ErrorCode;
import io.whizbang.ledger.Ledger;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The Kafka consumer transport: feeds the records of its topics to a dispatcher, each message applied once.
 *
 * <p>Records of one partition are handled one after the other, so messages keep their per-stream order; partitions
 * run side by side. When {@code maxInFlight} records are in hand the consumer pauses, and it resumes at half, so a
 * slow ledger slows the consumer rather than filling memory. An offset is committed only after its record and every
 * record before it in the partition were handled: a crash redelivers what was not committed, and the ledger's inbox
 * (written in the transaction of the handler's effects, see {@link InboxLedger}) drops what was already applied.
 *
 * <p>At most one commit runs at a time, so offsets are committed in the order they were handled and never go back.
 * {@link #stop()} lets the records in hand finish, waits for the commit in flight, commits the rest and closes, each
 * step bounded by {@link KafkaInboxOptions#getStopTimeoutMillis()}. Once it closes the consumer it never touches the
 * consumer again: Vert.x would run such a call on a fresh thread beside the one closing the consumer, and the Kafka
 * consumer, which allows one thread only, can then fail its close, which is never reported, so the stop would hang.
 */
public final class KafkaInbox {
    private static final Logger LOG = Logger.getLogger(KafkaInbox.class.getName());

    private final Vertx vertx;
    private final Context context;
    private final KafkaConsumer<String, Buffer> consumer;
    private final KafkaProducer<String, Buffer> deadLetters;
    private final InboundHandling handling;
    private final int maxInFlight;
    private final long stopTimeoutMillis;
    private final Map<TopicPartition, Future<Void>> tails = new HashMap<>();
    private final Map<TopicPartition, Long> processed = new HashMap<>();
    private final Set<TopicPartition> held = new HashSet<>();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final Promise<Void> stopped = Promise.promise();
    private final Promise<Void> drained = Promise.promise();
    private int inFlight;
    private boolean paused;
    private Future<Void> commitInFlight;
    private boolean commitAgain;
    private boolean closing;
    private volatile boolean stopping;

    private KafkaInbox(Vertx vertx, Ledger ledger, Function<Ledger, Dispatcher> dispatchers,
                       KafkaInboxOptions options, KafkaConsumer<String, Buffer> consumer) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.maxInFlight = options.getMaxInFlight();
        this.stopTimeoutMillis = options.getStopTimeoutMillis();
        this.consumer = consumer;
        this.deadLetters = KafkaProducer.create(vertx, options.deadLetterProducerProperties(), new StringSerializer(),
                new BufferSerializer());
        InboxLedger inbox = new InboxLedger(ledger);
        this.handling = new InboundHandling(vertx, inbox, dispatchers.apply(inbox), deadLetters, options,
                () -> stopping);
    }

    /**
     * Starts consuming.
     *
     * @param ledger      the ledger the handlers write to; it must keep an inbox ({@link Ledger#keepsInbox()})
     * @param dispatchers makes the dispatcher over the ledger it is given (the inbox's view of {@code ledger}), e.g.
     *                    {@code l -> Dispatcher.create(vertx, registry, l, store)}
     */
    public static Future<KafkaInbox> start(Vertx vertx, Ledger ledger, Function<Ledger, Dispatcher> dispatchers,
                                           KafkaInboxOptions options) {
        return start(vertx, ledger, dispatchers, options, () -> KafkaConsumer.create(vertx,
                options.consumerProperties(), new StringDeserializer(), new BufferDeserializer()));
    }

    /** Starts consuming with the consumer {@code consumers} makes (tests hand in one whose commits stall). */
    static Future<KafkaInbox> start(Vertx vertx, Ledger ledger, Function<Ledger, Dispatcher> dispatchers,
                                    KafkaInboxOptions options, Supplier<KafkaConsumer<String, Buffer>> consumers) {
        try {
            options.check();
            if (!ledger.keepsInbox()) {
                throw new PermanentException(ErrorCode.INTERNAL, "the Kafka inbox needs a ledger that keeps an"
                        + " inbox (memory, SQLite or PostgreSQL in this JVM), not " + ledger, null);
            }
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        KafkaInbox inbox = new KafkaInbox(vertx, ledger, dispatchers, options, consumers.get());
        return inbox.subscribe(options).map(inbox);
    }

    private Future<Void> subscribe(KafkaInboxOptions options) {
        consumer.exceptionHandler(failure -> LOG.log(Level.WARNING, "the Kafka inbox consumer failed", failure));
        // a failed dead-letter send fails its own future, which is retried; nothing more to report
        deadLetters.exceptionHandler(failure -> LOG.log(Level.FINE, "a dead-letter send failed", failure));
        consumer.partitionsRevokedHandler(revoked -> commit());
        consumer.handler(this::onRecord);
        return options.getTopicPattern() != null ? consumer.subscribe(Pattern.compile(options.getTopicPattern()))
                : consumer.subscribe(new HashSet<>(options.getTopics()));
    }

    /** Messages handled (applied or rejected by their handler). */
    public long handled() {
        return handling.handled.get();
    }

    /** Redelivered messages dropped because the inbox already held them. */
    public long duplicates() {
        return handling.duplicates.get();
    }

    /** Records that could not be handled and went to the dead-letter topic (or the log). */
    public long deadLettered() {
        return handling.deadLettered.get();
    }

    private void onRecord(KafkaConsumerRecord<String, Buffer> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        inFlight++;
        if (inFlight >= maxInFlight && !paused) {
            paused = true;
            consumer.pause();
        }
        Future<Void> next = tails.getOrDefault(partition, Future.succeededFuture()).transform(before ->
                before.succeeded() ? handling.handle(record) : Future.failedFuture(before.cause()));
        tails.put(partition, next);
        next.onComplete(done -> context.runOnContext(v ->
                settled(partition, record.offset(), next, done.succeeded())));
    }

    private void settled(TopicPartition partition, long offset, Future<Void> handled, boolean succeeded) {
        inFlight--;
        if (tails.get(partition) == handled) {
            tails.remove(partition);
        }
        if (succeeded && !held.contains(partition)) {
            processed.put(partition, offset + 1);
            commit();
        } else {
            // stopped before this record was handled: commit nothing more of the partition, it is redelivered
            held.add(partition);
        }
        if (paused && !stopping && inFlight <= maxInFlight / 2) {
            paused = false;
            consumer.resume();
        }
        if (stopping && inFlight == 0) {
            drained.tryComplete();
        }
    }

    /** Commits the handled offsets; a commit requested while one runs follows it; none once the consumer closes. */
    private void commit() {
        if (closing) {
            return;
        }
        if (commitInFlight != null) {
            commitAgain = true;
            return;
        }
        if (processed.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        processed.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset, "")));
        processed.clear();
        Future<Void> commit = consumer.commit(offsets).mapEmpty();
        commitInFlight = commit;
        commit.onComplete(done -> {
            commitInFlight = null;
            if (done.failed()) {
                LOG.log(Level.WARNING, "committing Kafka offsets failed; they are committed with the next ones",
                        done.cause());
                offsets.forEach((partition, offset) -> processed.merge(partition, offset.getOffset(), Math::max));
            }
            if (commitAgain) {
                commitAgain = false;
                commit();
            }
        });
    }

    /** Completes once no commit runs, the ones requested meanwhile included. */
    private Future<Void> commitsSettled() {
        Future<Void> running = commitInFlight;
        // listeners run in the order they were added, so commit()'s own follow-up has started when this one looks
        return running == null ? Future.succeededFuture() : running.transform(done -> commitsSettled());
    }

    /**
     * Stops taking records, lets the records in hand finish (no retries), commits what was handled and closes.
     *
     * <p>It completes within twice the stop timeout, whatever the broker does: records still in hand when the time
     * is up, and offsets whose commit did not get through, are left uncommitted and delivered again to the group's
     * next consumer, whose inbox drops what this one applied. Calling it again returns the same future.
     */
    public Future<Void> stop() {
        if (stopRequested.compareAndSet(false, true)) {
            stopping = true;
            context.runOnContext(v -> shutDown().onComplete(done -> stopped.complete()));
        }
        return stopped.future();
    }

    private Future<Void> shutDown() {
        consumer.pause();
        if (inFlight == 0) {
            drained.tryComplete();
        }
        Future<Void> finished = drained.future()
                .compose(none -> commitsSettled())
                .compose(none -> {
                    commit();
                    return commitsSettled();
                });
        return atMost(finished, "the records in hand and the last commit")
                .eventually(() -> {
                    // from here on nothing but close() reaches the consumer; a commit still running is woken up
                    closing = true;
                    return Future.join(atMost(consumer.close(), "closing the Kafka consumer"),
                            deadLetters.close(stopTimeoutMillis));
                })
                .mapEmpty();
    }

    /** Completes when {@code step} does, or after the stop timeout (logging what it gave up on). */
    private Future<Void> atMost(Future<?> step, String what) {
        Promise<Void> bounded = Promise.promise();
        long timer = vertx.setTimer(stopTimeoutMillis, id -> {
            if (bounded.tryComplete()) {
                LOG.warning("stopping the Kafka inbox: " + what + " took over " + stopTimeoutMillis
                        + " ms; going on without (what is not committed is delivered again)");
            }
        });
        step.onComplete(done -> {
            vertx.cancelTimer(timer);
            bounded.tryComplete();
        });
        return bounded.future();
    }
}
