package io.whizbang.impl.runtime;

import io.vertx.core.Future;
import io.whizbang.ledger.Ledger;
import io.whizbang.ledger.RecordedEvent;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads the ledger in global order, a page at a time, a few pages ahead of its reader, so the ledger reads them (on
 * as many connections) while the reader handles or commits. Pages start at the first size and double after each
 * one up to the most, so a reader far behind makes fewer round trips.
 *
 * <p>A page ahead is asked for before the page in front of it is in, on the guess that positions are dense, as the
 * drivers number them: it starts where the page in front of it ends if that one comes back full. The guess is
 * checked when the page in front is in: after a page that came back short (it reached the head) nothing more is
 * handed out, and after a full page that ended elsewhere (a gap) the page is read again from where that one ended.
 * A page read on a wrong guess, or past the head, is dropped, whatever its outcome.
 */
final class ReadAhead {
    private static final Page AT_HEAD = new Page(List.of(), true);

    private final Ledger ledger;
    private final int mostPerPage;
    private final int pagesAhead;
    private final Deque<Future<Page>> ahead = new ArrayDeque<>();
    private Future<Page> newest;
    private long nextAfter;
    private int nextSize;

    /**
     * Starts reading, after the position, the first page, of {@code firstPage} events, and the pages after it: the
     * reads of {@code pagesAhead} pages are kept asked for beyond the page last handed out.
     */
    ReadAhead(Ledger ledger, long afterPosition, int firstPage, int mostPerPage, int pagesAhead) {
        this.ledger = ledger;
        this.mostPerPage = Math.max(firstPage, mostPerPage);
        this.pagesAhead = Math.max(1, pagesAhead);
        this.newest = read(afterPosition, firstPage);
        this.ahead.add(newest);
        advance(afterPosition, firstPage);
        topUp();
    }

    /** The next page; the last one reached the head (it may hold no events). */
    Future<Page> next() {
        Future<Page> page = ahead.poll();
        topUp();
        return page;
    }

    /** Asks for pages until as many as allowed wait to be handed out, each checked against the page in front. */
    private void topUp() {
        while (ahead.size() < pagesAhead) {
            long after = nextAfter;
            int size = nextSize;
            Future<List<RecordedEvent>> guessed = ledger.readAll(after, size);
            Future<Page> page = newest.compose(before -> {
                if (before.last()) {
                    return Future.succeededFuture(AT_HEAD);
                }
                long end = before.events().get(before.events().size() - 1).position();
                return end == after ? guessed.map(events -> new Page(events, events.size() < size)) : read(end, size);
            });
            ahead.add(page);
            newest = page;
            advance(after, size);
        }
    }

    /** Where the page after one of {@code size} events read after {@code after} starts, if that one is full. */
    private void advance(long after, int size) {
        nextAfter = after + size;
        nextSize = (int) Math.min(mostPerPage, 2L * size);
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
