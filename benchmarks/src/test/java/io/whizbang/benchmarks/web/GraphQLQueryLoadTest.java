package io.whizbang.benchmarks.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The GraphQL load harness runs end to end: every target answers every request well. */
class GraphQLQueryLoadTest {
    @Test
    void aSmallRunAnswersEveryRequestOfEveryTarget() throws Exception {
        GraphQLQueryLoad.Report report = GraphQLQueryLoad.measure(new GraphQLQueryLoad.Settings(200, 8, 1, 1, 0));

        assertThat(report.failures()).isZero();
        assertThat(report.runs()).containsOnlyKeys(GraphQLQueryLoad.REST_GATEWAY, GraphQLQueryLoad.PLAIN_ROUTE,
                GraphQLQueryLoad.GRAPHQL);
        report.runs().values().forEach(runs -> assertThat(runs).singleElement()
                .satisfies(run -> assertThat(run.completed()).isEqualTo(200)));
    }
}
