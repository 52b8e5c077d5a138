package io.whizbang.gateway.mobile;

import io.whizbang.testing.ManualClock;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.whizbang.error.PermanentException;
import io.whizbang.security.Principal;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Verified tokens are remembered for a while, never past their expiry, and refused ones never. */
class VerifiedTokensTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final long LEEWAY = 30_000;

    private final List<String> verified = new ArrayList<>();
    private final ManualClock clock = new ManualClock(NOW);

    @Test
    void theSameTokenIsVerifiedOnceWithinThePeriod() {
        VerifiedTokens tokens = cache(accepting(), 10, 60_000);
        String header = bearer(NOW.getEpochSecond() + 3600);

        assertThat(tokens.verifyHeader(header).result().subject()).isEqualTo("alice");
        clock.advance(Duration.ofMillis(59_999));
        assertThat(tokens.verifyHeader(header).result().subject()).isEqualTo("alice");

        assertThat(verified).hasSize(1);
    }

    @Test
    void aTokenIsVerifiedAgainAfterThePeriod() {
        VerifiedTokens tokens = cache(accepting(), 10, 60_000);
        String header = bearer(NOW.getEpochSecond() + 3600);

        tokens.verifyHeader(header);
        clock.advance(Duration.ofMillis(60_000));
        tokens.verifyHeader(header);

        assertThat(verified).hasSize(2);
    }

    @Test
    void aTokenIsNeverRememberedPastItsExpiryAndTheLeeway() {
        VerifiedTokens tokens = cache(accepting(), 10, 3_600_000);
        String header = bearer(NOW.getEpochSecond() + 5);

        tokens.verifyHeader(header);
        clock.advance(Duration.ofMillis(5_000 + LEEWAY - 1));
        tokens.verifyHeader(header);
        clock.advance(Duration.ofMillis(1));
        tokens.verifyHeader(header);

        assertThat(verified).hasSize(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        VerifiedTokens tokens = cache(header -> {
            verified.add(header);
            return Future.failedFuture(PermanentException.invalid("no"));
        }, 10, 60_000);
        String header = bearer(NOW.getEpochSecond() + 3600);

        assertThat(tokens.verifyHeader(header).failed()).isTrue();
        assertThat(tokens.verifyHeader(header).failed()).isTrue();

        assertThat(verified).hasSize(2);
    }

    @Test
    void theLeastRecentlyUsedTokenGoesWhenTheCacheIsFull() {
        VerifiedTokens tokens = cache(accepting(), 1, 60_000);
        String first = bearer(NOW.getEpochSecond() + 3600);
        String second = bearer(NOW.getEpochSecond() + 3601);

        tokens.verifyHeader(first);
        tokens.verifyHeader(second);
        tokens.verifyHeader(first);

        assertThat(verified).containsExactly(first, second, first);
    }

    @Test
    void aZeroPeriodVerifiesEveryTime() {
        VerifiedTokens tokens = cache(accepting(), 10, 0);
        String header = bearer(NOW.getEpochSecond() + 3600);

        tokens.verifyHeader(header);
        tokens.verifyHeader(header);

        assertThat(verified).hasSize(2);
    }

    private VerifiedTokens cache(Function<String, Future<Principal>> verifier, int size, long period) {
        return new VerifiedTokens(verifier, size, period, LEEWAY, clock);
    }

    private Function<String, Future<Principal>> accepting() {
        return header -> {
            verified.add(header);
            return Future.succeededFuture(Principal.of("alice", "acme"));
        };
    }

    private static String bearer(long exp) {
        String claims = new JsonObject().put("sub", "alice").put("exp", exp).encode();
        return "Bearer e30." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }
}
