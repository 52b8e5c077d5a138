package io.whizbang.eventstore.kafka;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.producer.KafkaHeader;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import io.whizbang.dispatch.Dispatcher;
import io.whizbang.dispatch.Receipt;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.TransientException;
import io.whizbang.error.ValidationException;
import io.whizbang.error.WhizbangException;
import io.whizbang.ledger.AlreadyHandledException;
import io.whizbang.ledger.InboxEntry;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.Command;
import io.whizbang.message.Envelope;
import io.whizbang.message.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Handles one incoming record: decodes it, skips it when the inbox already holds its message id, runs it through the
 * dispatcher (a command to its receptor, an event into the ledger under the record's key as stream id), and settles
 * the outcome.
 *
 * <p>A transient failure ({@code UNAVAILABLE}, {@code TIMEOUT}, {@code RATE_LIMITED}) is retried after a growing
 * delay, holding back the records behind it in the partition. A permanent one (a malformed record, an unknown type,
 * a missing tenant, a rejected command) is logged with its code, forwarded to the dead-letter topic and recorded as
 * handled, so one bad record never stops the partition nor loops.
 */
final class InboundHandling {
    private static final Logger LOG = Logger.getLogger(InboundHandling.class.getName());

    private final Vertx vertx;
    private final InboxLedger ledger;
    private final Dispatcher dispatcher;
    private final InboundRecords records;
    private final KafkaProducer<String, Buffer> deadLetters;
    private final KafkaInboxOptions options;
    private final BooleanSupplier stopping;
    final AtomicLong handled = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();

    InboundHandling(Vertx vertx, InboxLedger ledger, Dispatcher dispatcher, KafkaProducer<String, Buffer> deadLetters,
                    KafkaInboxOptions options, BooleanSupplier stopping) {
        this.vertx = vertx;
        this.ledger = ledger;
        this.dispatcher = dispatcher;
        this.records = new InboundRecords(dispatcher.codecs());
        this.deadLetters = deadLetters;
        this.options = options;
        this.stopping = stopping;
    }

    /** Handles the record until it is settled; fails only when the inbox stops first (the record stays uncommitted). */
    Future<Void> handle(KafkaConsumerRecord<String, Buffer> record) {
        return attempt(record, options.getInitialBackoffMillis());
    }

    private Future<Void> attempt(KafkaConsumerRecord<String, Buffer> record, long backoff) {
        if (stopping.getAsBoolean()) {
            return Future.failedFuture("the inbox is stopping");
        }
        return once(record).recover(failure -> {
            if (stopping.getAsBoolean()) {
                return Future.failedFuture(failure);
            }
            // what escapes once() is transient (a permanent failure is settled there), so it is tried again
            WhizbangException error = WhizbangException.wrap(failure);
            LOG.log(Level.WARNING, "handling record " + where(record) + " failed with " + error.code() + " ("
                    + error.getMessage() + "); retrying in " + backoff + " ms");
            return vertx.timer(backoff).compose(t -> attempt(record,
                    Math.min(options.getMaxBackoffMillis(), backoff * 2)));
        });
    }

    /** One try: decode, de-duplicate, dispatch; a permanent failure is settled (dead-lettered) here. */
    private Future<Void> once(KafkaConsumerRecord<String, Buffer> record) {
        Envelope<Object> envelope;
        try {
            envelope = records.decode(record);
        } catch (RuntimeException e) {
            return reject(record, null, WhizbangException.wrap(e));
        }
        InboxEntry entry = new InboxEntry(envelope.messageId(), envelope.tenant());
        return ledger.handled(entry.messageId()).compose(already -> {
            if (already) {
                duplicates.incrementAndGet();
                return Future.succeededFuture();
            }
            return dispatch(record, envelope).compose(receipt -> {
                handled.incrementAndGet();
                // a handler that wrote nothing leaves no inbox entry behind; record one, so a redelivery is skipped
                return receipt.eventIds().isEmpty() ? ledger.markHandled(entry).<Void>mapEmpty()
                        : Future.<Void>succeededFuture();
            }, failure -> {
                if (failure instanceof AlreadyHandledException) {
                    duplicates.incrementAndGet();
                    return Future.succeededFuture();
                }
                WhizbangException error = WhizbangException.wrap(failure);
                return error.isTransient() ? Future.failedFuture(error) : reject(record, entry, error);
            });
        });
    }

    @SuppressWarnings("unchecked")
    private Future<Receipt> dispatch(KafkaConsumerRecord<String, Buffer> record, Envelope<Object> envelope) {
        ledger.receive(envelope.messageId(), envelope.tenant());
        Future<Receipt> outcome;
        try {
            if (envelope.payload() instanceof Command) {
                outcome = dispatcher.send((Envelope<? extends Command>) (Envelope<?>) envelope);
            } else if (envelope.payload() instanceof Event) {
                outcome = dispatcher.publish(streamOf(record), List.of((Envelope<? extends Event>) (Envelope<?>)
                        envelope));
            } else {
                outcome = Future.failedFuture(new ValidationException(KafkaHeaders.TYPE, envelope.type().name()
                        + " is neither a command nor an event"));
            }
        } catch (RuntimeException e) {
            outcome = Future.failedFuture(e);
        }
        return outcome.eventually(() -> {
            ledger.release(envelope.messageId());
            return Future.succeededFuture();
        });
    }

    private static StreamId streamOf(KafkaConsumerRecord<String, Buffer> record) {
        try {
            return StreamId.parse(record.key() == null ? "" : record.key());
        } catch (IllegalArgumentException e) {
            throw new ValidationException("key", "an event record's key must be its stream id: " + e.getMessage());
        }
    }

    /** Logs a record that cannot be handled, forwards it to the dead-letter topic and records it as handled. */
    private Future<Void> reject(KafkaConsumerRecord<String, Buffer> record, InboxEntry entry,
                                WhizbangException error) {
        LOG.log(error.code() == ErrorCode.INTERNAL ? Level.SEVERE : Level.WARNING, "record " + where(record)
                + " (message " + InboundRecords.messageIdOf(record) + ") cannot be handled: " + error.code() + " "
                + error.getMessage() + (options.getDeadLetterSuffix().isEmpty() ? "; skipped"
                : "; forwarded to " + record.topic() + options.getDeadLetterSuffix()), error.code()
                == ErrorCode.INTERNAL ? error : null);
        Future<Void> forwarded = options.getDeadLetterSuffix().isEmpty() ? Future.succeededFuture()
                : deadLetters.send(deadLetter(record, error)).<Void>mapEmpty()
                .recover(failure -> Future.failedFuture(TransientException.unavailable(
                        "the dead-letter topic " + record.topic() + options.getDeadLetterSuffix(), failure)));
        return forwarded.compose(sent -> {
            deadLettered.incrementAndGet();
            return entry == null ? Future.succeededFuture() : ledger.markHandled(entry).mapEmpty();
        });
    }

    private KafkaProducerRecord<String, Buffer> deadLetter(KafkaConsumerRecord<String, Buffer> record,
                                                           WhizbangException error) {
        List<KafkaHeader> headers = new ArrayList<>(record.headers());
        headers.add(KafkaHeader.header(KafkaHeaders.ERROR_CODE, error.code().name()));
        headers.add(KafkaHeader.header(KafkaHeaders.ERROR, String.valueOf(error.getMessage())));
        return KafkaProducerRecord.<String, Buffer>create(record.topic() + options.getDeadLetterSuffix(),
                record.key(), record.value()).addHeaders(headers);
    }

    private static String where(KafkaConsumerRecord<String, Buffer> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }

}
