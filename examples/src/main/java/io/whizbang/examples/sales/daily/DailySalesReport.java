package io.whizbang.examples.sales.daily;

import java.util.List;
import java.util.Objects;

/**
 * The answer to {@link GetDailySales}: the days that had sales, earliest first.
 *
 * @param days the days with at least one order that still stands
 */
public record DailySalesReport(List<DailySales> days) {
    public DailySalesReport {
        days = List.copyOf(Objects.requireNonNull(days, "days"));
    }
}
