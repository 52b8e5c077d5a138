package io.whizbang.gateway.web;

import io.whizbang.testing.ManualClock;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.PermanentException;
import io.whizbang.security.Principal;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The token cache: verified tokens kept for the period, never past their expiry, refusals never kept. */
class TokenCacheTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Principal ALICE = Principal.of("alice", "acme", "orders:read");

    private final List<String> verified = new ArrayList<>();
    private final ManualClock clock = new ManualClock(NOW);

    @Test
    void aTokenVerifiedOnceIsKeptForThePeriod() {
        TokenCache cache = cache(10, 60_000);
        String token = bearer(NOW.plus(Duration.ofHours(1)));

        assertThat(cache.verifyHeader(token).result()).isEqualTo(ALICE);
        clock.advance(Duration.ofSeconds(59));
        assertThat(cache.verifyHeader(token).result()).isEqualTo(ALICE);

        assertThat(verified).hasSize(1);
    }

    @Test
    void aTokenIsVerifiedAgainAfterThePeriod() {
        TokenCache cache = cache(10, 60_000);
        String token = bearer(NOW.plus(Duration.ofHours(1)));
        cache.verifyHeader(token);

        clock.advance(Duration.ofSeconds(61));
        cache.verifyHeader(token);

        assertThat(verified).hasSize(2);
    }

    @Test
    void aTokenIsNeverKeptPastItsExpiryAndLeeway() {
        TokenCache cache = cache(10, 60_000);
        String token = bearer(NOW.plus(Duration.ofSeconds(10)));
        cache.verifyHeader(token);

        clock.advance(Duration.ofSeconds(10 + 5));
        cache.verifyHeader(token);

        assertThat(verified).hasSize(2);
    }

    @Test
    void refusalsAreNeverKept() {
        TokenCache cache = cache(10, 60_000);

        assertThat(cache.verifyHeader("Bearer refused").failed()).isTrue();
        assertThat(cache.verifyHeader("Bearer refused").failed()).isTrue();

        assertThat(verified).hasSize(2);
    }

    @Test
    void aCacheOfSizeZeroVerifiesEveryTime() {
        TokenCache cache = cache(0, 60_000);
        String token = bearer(NOW.plus(Duration.ofHours(1)));
        cache.verifyHeader(token);
        cache.verifyHeader(token);

        assertThat(verified).hasSize(2);
    }

    private TokenCache cache(int capacity, long periodMillis) {
        return new TokenCache(header -> {
            verified.add(header);
            return header.endsWith("refused")
                    ? Future.failedFuture(new PermanentException(ErrorCode.UNAUTHENTICATED, "refused", null))
                    : Future.succeededFuture(ALICE);
        }, capacity, periodMillis, 2_000, clock);
    }

    private static String bearer(Instant expiry) {
        String claims = new JsonObject().put("sub", "alice").put("exp", expiry.getEpochSecond()).encode();
        return "Bearer e30." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }
}
