package io.whizbang.benchmarks;

import io.whizbang.dispatch.Receipt;
import io.whizbang.examples.orders.confirm.OrderConfirmed;
import io.whizbang.handler.Decision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark compares like with like: both paths reach the same decision, and the full send succeeds. */
class DispatchBenchmarkTest {
    private final DispatchBenchmark benchmark = new DispatchBenchmark();

    @BeforeEach
    void setUp() {
        benchmark.setUp();
    }

    @AfterEach
    void tearDown() {
        benchmark.tearDown();
    }

    @Test
    void theDirectCallAndTheTableDispatchDecideTheSame() {
        Decision[] decisions = benchmark.decisions();
        assertThat(decisions[0]).isInstanceOf(Decision.Accepted.class);
        assertThat(((Decision.Accepted) decisions[0]).events()).singleElement().isInstanceOf(OrderConfirmed.class);
        assertThat(decisions[1]).isEqualTo(decisions[0]);
    }

    @Test
    void theFullSendOfAnAlreadyConfirmedOrderAppendsNothing() {
        Receipt receipt = benchmark.dispatcherSend();
        assertThat(receipt.eventIds()).isEmpty();
        assertThat(receipt.version()).isEqualTo(2);
    }
}
