package io.whizbang.impl.ledger;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.error.ConcurrencyException;
import io.whizbang.error.PermanentException;
import io.whizbang.ledger.AlreadyHandledException;
import io.whizbang.ledger.AppendResult;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.InboxEntry;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.StreamId;
import io.whizbang.ledger.SnapshotStore;
import io.whizbang.ledger.StreamSlice;
import io.whizbang.ledger.spi.AppendChecks;
import io.whizbang.ledger.spi.AppendListeners;
import io.whizbang.outbox.Outbox;
import io.whizbang.outbox.OutboxMessage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A ledger in memory: the reference behaviour every driver's contract test compares against.
 */
public final class MemoryLedger implements Ledger {
    private final int maxEventBytes;
    private final Clock clock;
    private final AppendListeners listeners = new AppendListeners();
    private final List<RecordedEvent> all = new ArrayList<>();
    private final Map<String, List<RecordedEvent>> streams = new HashMap<>();
    private final Map<UUID, RecordedEvent> byId = new HashMap<>();
    private final MemoryOutbox outbox = new MemoryOutbox();
    private final Map<UUID, String> inbox = new HashMap<>();
    private final SnapshotStore snapshots = SnapshotStore.memory();

    public MemoryLedger(Vertx vertx, int maxEventBytes) {
        this.maxEventBytes = maxEventBytes;
        this.clock = Clock.systemUTC();
    }

    @Override
    public Future<AppendResult> append(List<StreamAppend> appends, List<OutboxMessage> messages) {
        return append(appends, messages, (InboxEntry) null);
    }

    @Override
    public Future<AppendResult> append(List<StreamAppend> appends, List<OutboxMessage> messages,
                                       InboxEntry received) {
        try {
            AppendChecks.check(appends, maxEventBytes);
            AppendResult result;
            synchronized (this) {
                if (received != null && inbox.containsKey(received.messageId())) {
                    throw AlreadyHandledException.of(received);
                }
                AppendResult repeated = repeatedAppend(appends);
                if (repeated != null) {
                    if (received != null) {
                        inbox.put(received.messageId(), received.tenant());
                    }
                    return Future.succeededFuture(repeated);
                }
                for (StreamAppend append : appends) {
                    long current = stream(append.tenant(), append.stream()).size();
                    if (!append.expected().matches(current)) {
                        throw ConcurrencyException.conflict(append.tenant(), append.stream().value(),
                                append.expected().toString(), current);
                    }
                }
                result = write(appends);
                outbox.add(messages, clock.instant());
                if (received != null) {
                    inbox.put(received.messageId(), received.tenant());
                }
            }
            listeners.fire();
            return Future.succeededFuture(result);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private AppendResult write(List<StreamAppend> appends) {
        List<AppendResult.StreamVersion> versions = new ArrayList<>();
        for (StreamAppend append : appends) {
            List<RecordedEvent> events = streams.computeIfAbsent(key(append.tenant(), append.stream()),
                    k -> new ArrayList<>());
            for (EventData data : append.events()) {
                RecordedEvent recorded = new RecordedEvent(all.size() + 1L, append.tenant(), append.stream(),
                        events.size() + 1L, data.eventId(), data.type(), data.schemaVersion(), data.payload().copy(),
                        data.metadata().copy(), clock.instant());
                events.add(recorded);
                all.add(recorded);
                byId.put(data.eventId(), recorded);
            }
            versions.add(new AppendResult.StreamVersion(append.tenant(), append.stream(), events.size()));
        }
        return new AppendResult(versions, all.size());
    }

    /** The original result when every event of the append is already stored where it would go; null if none is. */
    private AppendResult repeatedAppend(List<StreamAppend> appends) {
        List<AppendResult.StreamVersion> versions = new ArrayList<>();
        long position = 0;
        boolean seen = false;
        boolean unseen = false;
        for (StreamAppend append : appends) {
            long version = 0;
            for (EventData data : append.events()) {
                RecordedEvent stored = byId.get(data.eventId());
                if (stored == null) {
                    unseen = true;
                    continue;
                }
                seen = true;
                if (!stored.tenant().equals(append.tenant()) || !stored.stream().equals(append.stream())) {
                    throw PermanentException.conflict("event id " + data.eventId() + " is already stored in stream "
                            + stored.stream() + " of tenant " + stored.tenant());
                }
                version = stored.version();
                position = Math.max(position, stored.position());
            }
            versions.add(new AppendResult.StreamVersion(append.tenant(), append.stream(), version));
        }
        if (seen && unseen) {
            throw PermanentException.conflict("some but not all event ids of the append are already stored");
        }
        return seen ? new AppendResult(versions, position) : null;
    }

    @Override
    public synchronized Future<StreamSlice> readStream(String tenant, StreamId stream, long fromVersion,
                                                      int maxCount) {
        List<RecordedEvent> events = stream(tenant, stream);
        int from = (int) Math.max(0, Math.min(events.size(), fromVersion - 1));
        int to = (int) Math.min(events.size(), (long) from + maxCount);
        return Future.succeededFuture(new StreamSlice(new ArrayList<>(events.subList(from, to)), events.size(),
                to == events.size()));
    }

    @Override
    public synchronized Future<List<RecordedEvent>> readAll(long afterPosition, int maxCount) {
        int from = (int) Math.max(0, Math.min(all.size(), afterPosition));
        int to = (int) Math.min(all.size(), (long) from + maxCount);
        return Future.succeededFuture(new ArrayList<>(all.subList(from, to)));
    }

    @Override
    public synchronized Future<Long> head() {
        return Future.succeededFuture((long) all.size());
    }

    @Override
    public synchronized Future<Boolean> markHandled(InboxEntry received) {
        return Future.succeededFuture(inbox.putIfAbsent(received.messageId(), received.tenant()) == null);
    }

    @Override
    public synchronized Future<Boolean> handled(UUID messageId) {
        return Future.succeededFuture(inbox.containsKey(messageId));
    }

    @Override
    public boolean keepsInbox() {
        return true;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public SnapshotStore snapshots() {
        return snapshots;
    }

    @Override
    public Runnable onAppend(Runnable listener) {
        return listeners.add(listener);
    }

    @Override
    public Future<Void> close() {
        return Future.succeededFuture();
    }

    private List<RecordedEvent> stream(String tenant, StreamId stream) {
        return streams.getOrDefault(key(tenant, stream), List.of());
    }

    private static String key(String tenant, StreamId stream) {
        return tenant + '\u0000' + stream.value();
    }
}
