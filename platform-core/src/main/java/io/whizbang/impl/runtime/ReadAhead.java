package io.whizbang.impl.runtime;

import io.vertx.core.Future;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;

import java.util.List;

/**
 * Reads the ledger in global order, a page at a time, one page ahead of its reader: the next page is asked for as
 * soon as the one before it is in, so the ledger reads it while the reader handles or commits. Pages start at the
 * first size and double after each full one up to the most, so a reader far behind makes fewer round trips. Nothing
 * is read past a page that came back short: that one reached the head.
 */
final class ReadAhead {
    private final Ledger ledger;
    private final int mostPerPage;
    private Future<Page> ahead;

    /** Starts reading the first page, of {@code firstPage} events, after the position. */
    ReadAhead(Ledger ledger, long afterPosition, int firstPage, int mostPerPage) {
        this.ledger = ledger;
        this.mostPerPage = Math.max(firstPage, mostPerPage);
        this.ahead = read(afterPosition, firstPage);
    }

    /** The next page; the last one reached the head (it may hold no events). */
    Future<Page> next() {
        Future<Page> page = ahead;
        ahead = page.compose(read -> read.last() ? Future.succeededFuture(new Page(List.of(), true))
                : read(read.events().get(read.events().size() - 1).position(),
                        Math.min(mostPerPage, 2 * read.events().size())));
        return page;
    }

    private Future<Page> read(long afterPosition, int size) {
        return ledger.readAll(afterPosition, size).map(events -> new Page(events, events.size() < size));
    }

    /**
     * One page of events.
     *
     * @param events the events, in global order
     * @param last   whether it came back short, at the head
     */
    record Page(List<RecordedEvent> events, boolean last) {
    }
}
