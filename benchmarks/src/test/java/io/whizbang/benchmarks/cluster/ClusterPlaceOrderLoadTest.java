package io.whizbang.benchmarks.cluster;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cluster benchmark's options and table, without starting a cluster (that takes minutes; run the benchmark's
 * main class for it).
 */
class ClusterPlaceOrderLoadTest {
    @Test
    void settingsDefaultToOneTwoAndThreeJvmsAndReadEveryOption() {
        assertThat(ClusterSettings.parse(new String[0]).jvms()).containsExactly(1, 2, 3);

        ClusterSettings settings = ClusterSettings.parse(new String[]{"--jvms=1,3", "--requests=10",
            "--concurrency=4", "--rounds=2", "--warmup=5", "--heap=256m", "--jar=/tmp/w.jar", "--settle-seconds=2"});

        assertThat(settings.jvms()).containsExactly(1, 3);
        assertThat(settings.requests()).isEqualTo(10);
        assertThat(settings.concurrency()).isEqualTo(4);
        assertThat(settings.rounds()).isEqualTo(2);
        assertThat(settings.warmup()).isEqualTo(5);
        assertThat(settings.heap()).isEqualTo("256m");
        assertThat(settings.jar()).isEqualTo(Path.of("/tmp/w.jar"));
        assertThat(settings.settleMillis()).isEqualTo(2_000);
    }

    @Test
    void settingsRefuseUnknownNonPositiveOrMalformedOptions() {
        assertThatThrownBy(() -> ClusterSettings.parse(new String[]{"--speed=11"})).hasMessageContaining("speed");
        assertThatThrownBy(() -> ClusterSettings.parse(new String[]{"--rounds=0"})).hasMessageContaining("rounds");
        assertThatThrownBy(() -> ClusterSettings.parse(new String[]{"--jvms=0"})).hasMessageContaining("jvms");
        assertThatThrownBy(() -> ClusterSettings.parse(new String[]{"--heap=lots"})).hasMessageContaining("heap");
        assertThatThrownBy(() -> ClusterSettings.parse(new String[]{"requests"})).hasMessageContaining("--name");
    }

    @Test
    void tableHasARowPerClusterSizeWithItsRatioToTheFirst() {
        ClusterReport.Measured one = new ClusterReport.Measured(1, List.of(result(100, 2), result(100, 2)), "ok");
        ClusterReport.Measured two = new ClusterReport.Measured(2, List.of(result(150, 4), result(150, 4)), "ok");

        String table = ClusterReport.table(List.of(one, two));

        assertThat(table).contains("| JVMs | round 1 | round 2 | mean orders/s | ratio to 1 JVM |")
                .contains("| 1 | 100 (2.00/2.00) | 100 (2.00/2.00) | 100 | 1.00 | 2.00 / 2.00 | 0 | ok |")
                .contains("| 2 | 150 (4.00/4.00) | 150 (4.00/4.00) | 150 | 1.50 | 4.00 / 4.00 | 0 | ok |");
    }

    @Test
    void aBaselineMeasuredTwiceCountsWithTheMeanOfItsRows() {
        ClusterReport.Measured first = new ClusterReport.Measured(1, List.of(result(100, 2)), "ok");
        ClusterReport.Measured three = new ClusterReport.Measured(3, List.of(result(150, 4)), "ok");
        ClusterReport.Measured again = new ClusterReport.Measured(1, List.of(result(200, 2)), "ok");

        String table = ClusterReport.table(List.of(first, three, again));

        assertThat(table).contains("ratio to 1 JVM (mean of its 2 rows)")
                .contains("| 3 | 150 (4.00/4.00) | 150 | 1.00 |")
                .contains("| 1 | 200 (2.00/2.00) | 200 | 1.33 |");
    }

    /** A round that accepted {@code perSecond} orders in one second, each taking {@code millis}. */
    private static RoundRobinLoad.Result result(int perSecond, int millis) {
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        latency.recordValueWithCount(millis * 1000L, perSecond);
        return new RoundRobinLoad.Result(perSecond, 0, TimeUnit.SECONDS.toNanos(1), latency, null, null);
    }
}
