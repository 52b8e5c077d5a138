package io.whizbang.benchmarks.desktop;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gRPC load compares like with like: both servers (and, split, the gateway in front of a stub dispatcher) answer
 * every call of every round, none fails.
 */
class GrpcUnaryLoadTest {
    @Test
    void theGatewaysAndTheBareServerAnswerEveryCallOfEveryRound() throws Exception {
        GrpcUnaryLoad.Report report = GrpcUnaryLoad.measure(new GrpcUnaryLoad.Settings(200, 8, 1, 2, 1, true));

        assertThat(report.failures()).isZero();
        assertThat(report.baseline()).hasSize(2).allSatisfy(run -> assertThat(run.completed()).isEqualTo(200));
        assertThat(report.figure()).hasSize(2).allSatisfy(run -> assertThat(run.completed()).isEqualTo(200));
        assertThat(report.stub()).hasSize(2).allSatisfy(run -> assertThat(run.completed()).isEqualTo(200));
        assertThat(report.ratio()).isPositive();
    }
}
