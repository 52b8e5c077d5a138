package io.whizbang.impl.dispatch;

import io.vertx.core.Future;
import io.whizbang.error.ConcurrencyException;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.PermanentException;
import io.whizbang.error.ValidationException;
import io.whizbang.error.WhizbangException;
import io.whizbang.handler.CommandContext;
import io.whizbang.handler.Decision;
import io.whizbang.handler.Receptor;
import io.whizbang.dispatch.Receipt;
import io.whizbang.ledger.AlreadyHandledException;
import io.whizbang.ledger.AppendResult;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.InboxEntry;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.StreamId;
import io.whizbang.message.Command;
import io.whizbang.message.Envelope;
import io.whizbang.message.Event;
import io.whizbang.registry.ReceptorBinding;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One command's way through its receptor: load the stream, decide, append at the loaded version, and on a
 * conflict load and decide again, a bounded number of times.
 */
final class CommandHandling {
    private final Ledger ledger;
    private final StreamLoader loader;
    private final Snapshots snapshots;
    private final EventRecords records;
    private final Clock clock;
    private final int maxConflictRetries;

    CommandHandling(Ledger ledger, StreamLoader loader, Snapshots snapshots, EventRecords records, Clock clock,
                    int maxConflictRetries) {
        this.ledger = ledger;
        this.loader = loader;
        this.snapshots = snapshots;
        this.records = records;
        this.clock = clock;
        this.maxConflictRetries = maxConflictRetries;
    }

    /**
     * Handles the command; with {@code once}, its id goes into the ledger's inbox with its events, and a command
     * whose id is there already is answered without deciding or appending again.
     */
    @SuppressWarnings("unchecked")
    <C extends Command, S> Future<Receipt> handle(Envelope<?> envelope, ReceptorBinding<C, S> binding,
                                                 boolean once) {
        // the table chose the binding by the exact class of the payload, so the payload is a C
        C command = (C) envelope.payload();
        CommandContext context = new CommandContext(envelope, clock);
        StreamId stream;
        try {
            stream = binding.receptor().streamOf(command, context);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(new ValidationException("", e.getMessage()));
        }
        if (!once) {
            return attempt(envelope, binding, command, context, stream, 0, null);
        }
        InboxEntry entry = new InboxEntry(envelope.messageId(), envelope.tenant());
        return ledger.handled(envelope.messageId()).compose(seen -> seen
                ? Future.succeededFuture(receipt(envelope, stream, 0, 0, List.of()))
                : attempt(envelope, binding, command, context, stream, 0, entry));
    }

    private <C extends Command, S> Future<Receipt> attempt(Envelope<?> envelope, ReceptorBinding<C, S> binding,
                                                          C command, CommandContext context, StreamId stream,
                                                          int retry, InboxEntry once) {
        Receptor<C, S> receptor = binding.receptor();
        return loader.load(envelope.tenant(), stream, receptor.aggregate()).compose(loaded -> {
            Decision decision = receptor.decide(command, loaded.state(), context);
            if (decision instanceof Decision.Rejected rejected) {
                return Future.failedFuture(WhizbangException.of(rejected.code(), rejected.reason()));
            }
            List<Event> events = ((Decision.Accepted) decision).events();
            if (events.isEmpty()) {
                return Future.succeededFuture(receipt(envelope, stream, loaded.version(), 0, List.of()));
            }
            List<EventData> data = new ArrayList<>(events.size());
            for (Event event : events) {
                if (!binding.emits().contains(event.getClass())) {
                    throw new PermanentException(ErrorCode.INTERNAL, "receptor " + receptor.getClass().getName()
                            + " emitted " + event.getClass().getSimpleName() + ", which its @Emits does not declare",
                            null);
                }
                data.add(records.toData(envelope.caused(records.typeOf(event), event, clock)));
            }
            Future<AppendResult> appended = once == null
                    ? ledger.append(envelope.tenant(), stream, ExpectedVersion.exactly(loaded.version()), data)
                    : ledger.append(List.of(new StreamAppend(envelope.tenant(), stream,
                            ExpectedVersion.exactly(loaded.version()), data)), List.of(), once);
            return appended
                    .map(result -> {
                        afterAppend(envelope.tenant(), stream, receptor, loaded, events, result.version());
                        return receipt(envelope, stream, result.version(), result.position(),
                                data.stream().map(EventData::eventId).toList());
                    });
        }).recover(failure -> {
            if (failure instanceof AlreadyHandledException) {
                // sent again while its first sending was appending: the first one's events stand
                return Future.succeededFuture(receipt(envelope, stream, 0, 0, List.of()));
            }
            if (failure instanceof ConcurrencyException conflict && retry < maxConflictRetries) {
                return attempt(envelope, binding, command, context, stream, retry + 1, once);
            }
            if (failure instanceof ConcurrencyException conflict) {
                return Future.failedFuture(PermanentException.conflict(conflict.getMessage() + " (after "
                        + (retry + 1) + " attempts)"));
            }
            return Future.failedFuture(failure);
        });
    }

    /**
     * Carries the state forward by the appended events, for the state cache and the snapshot policy. The events are
     * durable by now: a failure of the aggregate here costs the next command a full fold, never the answer.
     */
    private <C extends Command, S> void afterAppend(String tenant, StreamId stream, Receptor<C, S> receptor,
                                                   StreamLoader.Loaded<S> loaded, List<Event> events,
                                                   long version) {
        S state = loaded.state();
        try {
            for (Event event : events) {
                state = receptor.aggregate().evolve(state, event);
            }
        } catch (RuntimeException e) {
            return;
        }
        if (version == loaded.version() + events.size()) {
            loader.appended(tenant, stream, receptor.aggregate(), state, version);
        }
        if (snapshots.enabled()) {
            snapshots.afterAppend(tenant, stream, state, loaded.version(), version);
        }
    }

    private static Receipt receipt(Envelope<?> envelope, StreamId stream, long version, long position,
                                   List<UUID> eventIds) {
        return new Receipt(envelope.messageId(), envelope.correlationId(), envelope.tenant(), stream, version,
                position, eventIds);
    }
}
