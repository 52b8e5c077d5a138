package io.whizbang.examples.sales.daily;

import io.whizbang.examples.orders.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The sales of one day (UTC): how many orders placed that day still stand, and what they are worth.
 *
 * @param date    the day, in UTC
 * @param orders  the orders placed that day and not cancelled
 * @param revenue their total
 */
public record DailySales(LocalDate date, int orders, BigDecimal revenue) {
    public DailySales {
        Objects.requireNonNull(date, "date");
        revenue = Money.normalized(revenue, "revenue");
    }

    /** A day without sales. */
    public static DailySales none(LocalDate date) {
        return new DailySales(date, 0, BigDecimal.ZERO);
    }

    /** The day, in UTC, that an instant falls on. */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The document key of a day: its ISO date, such as {@code 2026-01-31}. */
    public static String keyOf(LocalDate date) {
        return date.toString();
    }

    /** The day with one more order of the total. */
    public DailySales withOrder(BigDecimal total) {
        return new DailySales(date, orders + 1, revenue.add(total));
    }

    /** The day with an order of the total taken back. */
    public DailySales withoutOrder(BigDecimal total) {
        return new DailySales(date, orders - 1, revenue.subtract(total));
    }
}
