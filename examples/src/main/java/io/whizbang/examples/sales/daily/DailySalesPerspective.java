package io.whizbang.examples.sales.daily;

import io.whizbang.examples.orders.cancel.OrderCancelled;
import io.whizbang.examples.orders.place.OrderPlaced;
import io.whizbang.handler.Documents;
import io.whizbang.handler.On;
import io.whizbang.handler.Perspective;

import java.time.LocalDate;

/**
 * Keeps {@link DailySales} per day, under its ISO date: a placed order counts on the day it was placed, and a
 * cancellation takes it back from that same day.
 */
public final class DailySalesPerspective implements Perspective<DailySales> {
    /** A placed order counts on the day it was placed. */
    @On
    public void on(OrderPlaced event, Documents<DailySales> documents) {
        LocalDate day = DailySales.dayOf(event.placedAt());
        documents.upsert(DailySales.keyOf(day), () -> DailySales.none(day), sales -> sales.withOrder(event.total()));
    }

    /** A cancelled order is taken back from the day it was placed. */
    @On
    public void on(OrderCancelled event, Documents<DailySales> documents) {
        LocalDate day = DailySales.dayOf(event.placedAt());
        documents.update(DailySales.keyOf(day), sales -> sales.withoutOrder(event.total()));
    }
}
