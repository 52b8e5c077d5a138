package io.whizbang.impl.runtime;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.whizbang.ledger.RecordedEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One window of a perspective's catch-up: pages read ahead and handled, one after another, into one batch of
 * document changes, until it holds the settings' most events or documents (it ends with the page that reached them),
 * a page reaches the head, a handler throws or the runner stops.
 */
final class CatchUpWindow<M> {
    /** Hands the events from an index on to the perspective's handler; false once one threw. */
    interface Handling<M> {
        boolean applyFrom(List<RecordedEvent> events, int from, BatchDocuments<M> documents);
    }

    private final List<RecordedEvent> events = new ArrayList<>();
    private final BatchDocuments<M> documents;
    private final RunnerSettings settings;
    private final Handling<M> handling;
    private final BooleanSupplier stopping;
    private final Promise<Boolean> filled = Promise.promise();

    private CatchUpWindow(BatchDocuments<M> documents, RunnerSettings settings, Handling<M> handling,
                          BooleanSupplier stopping) {
        this.documents = documents;
        this.settings = settings;
        this.handling = handling;
        this.stopping = stopping;
    }

    /** Starts filling a window from the pages into the documents. */
    static <M> CatchUpWindow<M> fill(ReadAhead pages, BatchDocuments<M> documents, RunnerSettings settings,
                                     Handling<M> handling, BooleanSupplier stopping) {
        CatchUpWindow<M> window = new CatchUpWindow<>(documents, settings, handling, stopping);
        window.fill(pages);
        return window;
    }

    /** Completes once filled, with whether it ended at a limit (more events may wait) rather than at the head. */
    Future<Boolean> filled() {
        return filled.future();
    }

    /** The events read, in global order; those after a handler that threw were read but not handled. */
    List<RecordedEvent> events() {
        return events;
    }

    /** The changes the handled events asked for. */
    BatchDocuments<M> documents() {
        return documents;
    }

    private void fill(ReadAhead pages) {
        Future<ReadAhead.Page> read = pages.next();
        // pages already read are taken in a loop, not by recursion: a ledger in memory answers at once
        while (read.isComplete()) {
            if (!take(read)) {
                return;
            }
            read = pages.next();
        }
        read.onComplete(done -> {
            if (take(done)) {
                fill(pages);
            }
        });
    }

    /** Handles one page; answers whether the window wants another, else completes it. */
    private boolean take(AsyncResult<ReadAhead.Page> read) {
        if (read.failed()) {
            filled.fail(read.cause());
            return false;
        }
        ReadAhead.Page page = read.result();
        int first = events.size();
        events.addAll(page.events());
        if (!handling.applyFrom(events, first, documents) || page.last()) {
            filled.complete(false);
            return false;
        }
        if (events.size() >= settings.windowEvents() || documents.documents() >= settings.windowDocuments()
                || stopping.getAsBoolean()) {
            filled.complete(true);
            return false;
        }
        return true;
    }
}
