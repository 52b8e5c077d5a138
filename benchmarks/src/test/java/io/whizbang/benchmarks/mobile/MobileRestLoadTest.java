package io.whizbang.benchmarks.mobile;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark's harness works: every phase answers every request as expected, and its table has every round. */
class MobileRestLoadTest {
    @Test
    void aSmallRunAnswersEveryRequestOfEveryPhaseWell() throws Exception {
        Settings settings = Settings.parse(new String[]{"--requests=100", "--warmup=20", "--rounds=2",
            "--concurrency=4", "--max-seconds=20"});

        List<List<LoadGenerator.Result>> rounds = MobileRestLoad.measure(settings);

        assertThat(rounds).hasSize(2);
        rounds.forEach(round -> assertThat(round).hasSize(5).allSatisfy(result -> {
            assertThat(result.failed()).as(result.name()).isZero();
            assertThat(result.completed()).as(result.name()).isEqualTo(100);
        }));
        assertThat(Report.table(rounds)).contains("| 1 |", "| 2 |", "| mean |");
    }

    @Test
    void settingsRefuseUnknownOrNonPositiveOptions() {
        assertThatThrownBy(() -> Settings.parse(new String[]{"--speed=11"})).hasMessageContaining("speed");
        assertThatThrownBy(() -> Settings.parse(new String[]{"--rounds=0"})).hasMessageContaining("rounds");
        assertThat(Settings.parse(new String[0]).requests()).isEqualTo(20_000);
    }
}
