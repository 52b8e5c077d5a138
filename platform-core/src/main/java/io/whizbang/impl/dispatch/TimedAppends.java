package io.whizbang.impl.dispatch;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.whizbang.ledger.AppendResult;
import io.whizbang.ledger.InboxEntry;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.StreamAppend;
import io.whizbang.ledger.spi.ForwardingLedger;
import io.whizbang.metrics.WhizbangMeters;
import io.whizbang.outbox.OutboxMessage;

import java.util.List;

/**
 * The ledger as the dispatcher's command handling sees it: every call goes to the ledger, and each successful
 * append's latency is reported to the installed {@link WhizbangMeters}.
 */
final class TimedAppends extends ForwardingLedger {
    private final Vertx vertx;

    TimedAppends(Vertx vertx, Ledger ledger) {
        super(ledger);
        this.vertx = vertx;
    }

    @Override
    public Future<AppendResult> append(List<StreamAppend> appends, List<OutboxMessage> outbox) {
        long start = System.nanoTime();
        return timed(appends, ledger.append(appends, outbox), start);
    }

    @Override
    public Future<AppendResult> append(List<StreamAppend> appends, List<OutboxMessage> outbox, InboxEntry received) {
        long start = System.nanoTime();
        return timed(appends, ledger.append(appends, outbox, received), start);
    }

    private Future<AppendResult> timed(List<StreamAppend> appends, Future<AppendResult> append, long start) {
        WhizbangMeters meters = WhizbangMeters.of(vertx);
        if (meters == WhizbangMeters.NONE) {
            return append;
        }
        return append.onSuccess(result -> {
            long nanos = System.nanoTime() - start;
            for (StreamAppend each : appends) {
                meters.appended(each.tenant(), each.events().size(), nanos);
            }
        });
    }
}
