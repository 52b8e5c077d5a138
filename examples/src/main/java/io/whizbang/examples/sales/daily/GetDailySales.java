package io.whizbang.examples.sales.daily;

import io.whizbang.error.ValidationException;
import io.whizbang.message.Query;
import io.whizbang.policy.Cached;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Asks for the sales of each day from one date to another, both included, at most {@value #MAX_DAYS} days.
 *
 * <p>Answers are cached for two seconds: a dashboard refreshing often reads the store once per cache period.
 *
 * @param from the first day, in UTC
 * @param to   the last day, in UTC, not before {@code from}
 */
@Cached(ttlMillis = 2000)
public record GetDailySales(LocalDate from, LocalDate to) implements Query<DailySalesReport> {
    /** The most days one query may span. */
    public static final int MAX_DAYS = 366;

    public GetDailySales {
        ValidationException.require(from != null, "from", "is required");
        ValidationException.require(to != null, "to", "is required");
        ValidationException.require(!to.isBefore(from), "to", "must not be before from (" + from + "), was " + to);
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        ValidationException.require(days <= MAX_DAYS, "to",
                "must be at most " + MAX_DAYS + " days from " + from + " counting both, spans " + days);
    }

    /** The days asked for, in order. */
    public List<LocalDate> days() {
        return from.datesUntil(to.plusDays(1)).toList();
    }
}
