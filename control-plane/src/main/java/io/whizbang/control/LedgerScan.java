package io.whizbang.control;

import io.vertx.core.Future;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;

import java.util.function.Consumer;

/**
 * Reads the newest events of the ledger, up to the scan limit, page by page, handing each to a visitor: what the
 * journey search and the stream listing are built on. The visitor answers whether to continue.
 */
final class LedgerScan {
    private static final int PAGE = 1000;

    private final Ledger ledger;
    private final int scanLimit;

    LedgerScan(Ledger ledger, int scanLimit) {
        this.ledger = ledger;
        this.scanLimit = scanLimit;
    }

    /** Visits the newest events, oldest of them first, until the head or until the visitor says stop. */
    Future<Long> visit(Visitor visitor) {
        return ledger.head().compose(head -> page(Math.max(0, head - scanLimit), head, visitor).map(head));
    }

    private Future<Void> page(long after, long head, Visitor visitor) {
        if (after >= head) {
            return Future.succeededFuture();
        }
        return ledger.readAll(after, (int) Math.min(PAGE, head - after)).compose(events -> {
            long last = after;
            for (RecordedEvent event : events) {
                if (!visitor.visit(event)) {
                    return Future.succeededFuture();
                }
                last = event.position();
            }
            return events.isEmpty() ? Future.succeededFuture() : page(last, head, visitor);
        });
    }

    /** Visits one event; answers whether to go on. */
    @FunctionalInterface
    interface Visitor {
        boolean visit(RecordedEvent event);

        static Visitor all(Consumer<RecordedEvent> consumer) {
            return event -> {
                consumer.accept(event);
                return true;
            };
        }
    }
}
