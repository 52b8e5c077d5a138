package io.whizbang.examples.sales.daily;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.whizbang.examples.Validation.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

class GetDailySalesTest {
    private static final LocalDate JAN_1 = LocalDate.parse("2026-01-01");

    @Test
    void aRangeMayNotEndBeforeItStarts() {
        assertRejected(() -> new GetDailySales(JAN_1, JAN_1.minusDays(1)), "to");
    }

    @Test
    void aRangeSpansAtMost366Days() {
        assertThat(new GetDailySales(JAN_1, JAN_1.plusDays(365)).days()).hasSize(366);
        assertRejected(() -> new GetDailySales(JAN_1, JAN_1.plusDays(366)), "to");
    }

    @Test
    void aRangeNeedsBothEnds() {
        assertRejected(() -> new GetDailySales(null, JAN_1), "from");
        assertRejected(() -> new GetDailySales(JAN_1, null), "to");
    }

    @Test
    void aOneDayRangeAsksForThatDay() {
        assertThat(new GetDailySales(JAN_1, JAN_1).days()).containsExactly(JAN_1);
    }
}
