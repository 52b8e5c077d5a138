package io.whizbang.dispatch;

import io.vertx.core.Future;
import io.whizbang.ledger.AppendResult;
import io.whizbang.ledger.EventData;
import io.whizbang.ledger.ExpectedVersion;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.spi.ForwardingLedger;
import io.whizbang.outbox.OutboxMessage;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A ledger that lets another writer slip an event in before each of the first {@code interruptions} appends:
 * the race the dispatcher's reload-and-decide must win.
 */
final class ConflictingLedger extends ForwardingLedger {
    private final AtomicInteger interruptions;
    private final Supplier<EventData> intruder;

    ConflictingLedger(Ledger inner, int interruptions, Supplier<EventData> intruder) {
        super(inner);
        this.interruptions = new AtomicInteger(interruptions);
        this.intruder = intruder;
    }

    @Override
    public Future<AppendResult> append(List<StreamAppend> appends, List<OutboxMessage> outbox) {
        if (interruptions.getAndDecrement() > 0) {
            StreamAppend first = appends.get(0);
            return ledger.append(first.tenant(), first.stream(), ExpectedVersion.any(), List.of(intruder.get()))
                    .compose(done -> ledger.append(appends, outbox));
        }
        return ledger.append(appends, outbox);
    }
}
