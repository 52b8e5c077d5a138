package io.whizbang.policy;

import io.whizbang.testing.ManualClock;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.PermanentException;
import io.whizbang.error.TransientException;
import io.whizbang.error.WhizbangException;
import io.whizbang.impl.policy.PolicyRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class PolicyRunnerTest {
    private final ManualClock clock = new ManualClock();

    private static ErrorCode codeOf(Throwable failure) {
        return ((WhizbangException) failure).code();
    }

    @Test
    void retryRepeatsTransientFailuresUntilOneSucceeds(Vertx vertx, VertxTestContext ctx) {
        PolicyRunner runner = new PolicyRunner("PlaceOrder", vertx,
                PolicySet.NONE.withRetry(new RetryPolicy(3, 1, 2.0, 5)), clock);
        AtomicInteger calls = new AtomicInteger();
        runner.run("acme", null, () -> calls.incrementAndGet() < 3
                        ? Future.failedFuture(TransientException.unavailable("the ledger", null))
                        : Future.succeededFuture("done"))
                .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
                    assertThat(result).isEqualTo("done");
                    assertThat(calls.get()).isEqualTo(3);
                    ctx.completeNow();
                })));
    }

    @Test
    void retryGivesUpAfterMaxAttemptsWithTheLastError(Vertx vertx, VertxTestContext ctx) {
        PolicyRunner runner = new PolicyRunner("PlaceOrder", vertx,
                PolicySet.NONE.withRetry(new RetryPolicy(2, 1, 1.0, 1)), clock);
        AtomicInteger calls = new AtomicInteger();
        runner.run("acme", null, () -> {
            calls.incrementAndGet();
            return Future.failedFuture(TransientException.unavailable("the ledger", null));
        }).onComplete(ctx.failing(failure -> ctx.verify(() -> {
            assertThat(codeOf(failure)).isEqualTo(ErrorCode.UNAVAILABLE);
            assertThat(calls.get()).isEqualTo(2);
            ctx.completeNow();
        })));
    }

    @Test
    void retryNeverRepeatsAPermanentFailure(Vertx vertx, VertxTestContext ctx) {
        PolicyRunner runner = new PolicyRunner("PlaceOrder", vertx,
                PolicySet.NONE.withRetry(new RetryPolicy(5, 1, 1.0, 1)), clock);
        AtomicInteger calls = new AtomicInteger();
        runner.run("acme", null, () -> {
            calls.incrementAndGet();
            return Future.failedFuture(PermanentException.invalid("bad line"));
        }).onComplete(ctx.failing(failure -> ctx.verify(() -> {
            assertThat(codeOf(failure)).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(calls.get()).isEqualTo(1);
            ctx.completeNow();
        })));
    }

    @Test
    void backoffGrowsByTheMultiplierUpToTheMaximum() {
        RetryPolicy policy = new RetryPolicy(6, 10, 3.0, 100);
        assertThat(policy.backoffBefore(2)).isEqualTo(10);
        assertThat(policy.backoffBefore(3)).isEqualTo(30);
        assertThat(policy.backoffBefore(4)).isEqualTo(90);
        assertThat(policy.backoffBefore(5)).isEqualTo(100);
    }

    @Test
    void aHandlerPastItsDeadlineFailsWithTimeout(Vertx vertx, VertxTestContext ctx) {
        PolicyRunner runner = new PolicyRunner("GetOrder", vertx,
                PolicySet.NONE.withTimeout(new TimeoutPolicy(20)), clock);
        Promise<String> never = Promise.promise();
        runner.run("acme", null, never::future).onComplete(ctx.failing(failure -> ctx.verify(() -> {
            assertThat(codeOf(failure)).isEqualTo(ErrorCode.TIMEOUT);
            assertThat(failure.getMessage()).isEqualTo("GetOrder did not finish within 20 ms");
            ctx.completeNow();
        })));
    }

    @Test
    void theCircuitOpensAfterConsecutiveTransientFailuresAndFailsFast(Vertx vertx, VertxTestContext ctx) {
        PolicyRunner runner = new PolicyRunner("Restock", vertx,
                PolicySet.NONE.withCircuitBreaker(new CircuitBreakerPolicy(2, 60_000)), clock);
        AtomicInteger calls = new AtomicInteger();
        java.util.function.Supplier<Future<String>> failing = () -> {
            calls.incrementAndGet();
            return Future.failedFuture(TransientException.unavailable("the warehouse", null));
        };
        runner.run("acme", null, failing).otherwiseEmpty()
                .compose(v -> runner.run("acme", null, failing).otherwiseEmpty())
                .compose(v -> runner.run("acme", null, failing))
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertThat(codeOf(failure)).isEqualTo(ErrorCode.UNAVAILABLE);
                    assertThat(failure.getMessage()).contains("circuit of Restock is open");
                    assertThat(calls.get()).as("the open circuit does not call the handler").isEqualTo(2);
                    ctx.completeNow();
                })));
    }

    @Test
    void rejectionsDoNotOpenTheCircuit(Vertx vertx, VertxTestContext ctx) {
        PolicyRunner runner = new PolicyRunner("Restock", vertx,
                PolicySet.NONE.withCircuitBreaker(new CircuitBreakerPolicy(1, 60_000)), clock);
        runner.run("acme", null, () -> Future.failedFuture(PermanentException.conflict("shipped"))).otherwiseEmpty()
                .compose(v -> runner.run("acme", null, () -> Future.succeededFuture("ok")))
                .onComplete(ctx.succeeding(result -> ctx.verify(() -> {
                    assertThat(result).isEqualTo("ok");
                    ctx.completeNow();
                })));
    }

    @Test
    void rateLimitRefusesPastItsPermitsAndRefillsWithTheClock(Vertx vertx) {
        PolicyRunner runner = new PolicyRunner("PlaceOrder", vertx,
                PolicySet.NONE.withRateLimit(new RateLimitPolicy(2, 1000)), clock);
        assertThat(runner.run("acme", null, () -> Future.succeededFuture(1)).succeeded()).isTrue();
        assertThat(runner.run("acme", null, () -> Future.succeededFuture(2)).succeeded()).isTrue();
        Future<Integer> third = runner.run("acme", null, () -> Future.succeededFuture(3));
        assertThat(third.failed()).isTrue();
        assertThat(codeOf(third.cause())).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(runner.run("globex", null, () -> Future.succeededFuture(4)).succeeded())
                .as("each tenant has its own bucket").isTrue();
        clock.advance(Duration.ofMillis(500));
        assertThat(runner.run("acme", null, () -> Future.succeededFuture(5)).succeeded()).isTrue();
        assertThat(runner.run("acme", null, () -> Future.succeededFuture(6)).failed()).isTrue();
    }

    @Test
    void theCacheAnswersWithinItsTimeToLivePerTenantAndQuery(Vertx vertx) {
        PolicyRunner runner = new PolicyRunner("GetDailySales", vertx,
                PolicySet.NONE.withCache(new CachePolicy(1000, 100)), clock);
        AtomicInteger calls = new AtomicInteger();
        java.util.function.Supplier<Future<Integer>> answer = () -> Future.succeededFuture(calls.incrementAndGet());
        assertThat(runner.run("acme", "q1", answer).result()).isEqualTo(1);
        assertThat(runner.run("acme", "q1", answer).result()).isEqualTo(1);
        assertThat(runner.run("acme", "q2", answer).result()).isEqualTo(2);
        assertThat(runner.run("globex", "q1", answer).result()).as("never another tenant's answer").isEqualTo(3);
        clock.advance(Duration.ofMillis(1000));
        assertThat(runner.run("acme", "q1", answer).result()).isEqualTo(4);
        runner.clearCache();
        assertThat(runner.run("acme", "q1", answer).result()).isEqualTo(5);
    }

    @Test
    void policyValuesAreValidatedWithMessagesNamingTheField() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RetryPolicy(0, 1, 2, 10))
                .hasMessageContaining("maxAttempts");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TimeoutPolicy(0))
                .hasMessageContaining("timeout");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RateLimitPolicy(0, 1000))
                .hasMessageContaining("permits");
    }
}
