package io.whizbang.impl.runtime;

import io.vertx.core.Future;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;

import java.util.List;

/**
 * Reads the ledger in global order, a page at a time, one page ahead of its reader: the next page is asked for as
 * soon as the one before it is in, so the ledger reads it while the reader handles or commits. Nothing is read past
 * a page that came back short: that one reached the head.
 */
final class ReadAhead {
    private final Ledger ledger;
    private final int pageSize;
    private Future<List<RecordedEvent>> ahead;

    /** Starts reading the first page after the position. */
    ReadAhead(Ledger ledger, long afterPosition, int pageSize) {
        this.ledger = ledger;
        this.pageSize = pageSize;
        this.ahead = ledger.readAll(afterPosition, pageSize);
    }

    /** The next page: fewer than a page's events (maybe none) when it reached the head. */
    Future<List<RecordedEvent>> next() {
        Future<List<RecordedEvent>> page = ahead;
        ahead = page.compose(events -> events.size() < pageSize ? Future.succeededFuture(List.of())
                : ledger.readAll(events.get(events.size() - 1).position(), pageSize));
        return page;
    }

    /** The number of events a full page holds. */
    int pageSize() {
        return pageSize;
    }
}
