package io.whizbang.gateway.desktop;

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

/** The token cache remembers accepted tokens until their own expiry, and nothing else. */
class TokenCacheTest {
    private static final long NOW = 1_800_000_000L;
    private static final Principal ALICE = Principal.of("alice", "acme", "orders:read");

    private final List<String> verified = new ArrayList<>();
    private final ManualClock clock = new ManualClock(Instant.ofEpochSecond(NOW));

    private Future<Principal> accept(String authorization) {
        verified.add(authorization);
        return Future.succeededFuture(ALICE);
    }

    private Future<Principal> refuse(String authorization) {
        verified.add(authorization);
        return Future.failedFuture(new PermanentException(ErrorCode.UNAUTHENTICATED, "it has expired", null));
    }

    private static String bearer(JsonObject claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return "Bearer " + base64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8)) + ".signature";
    }

    @Test
    void anAcceptedTokenIsVerifiedOnceWhileItIsValid() {
        TokenCache cache = new TokenCache(this::accept, clock, 10);
        String token = bearer(new JsonObject().put("exp", NOW + 60));

        assertThat(cache.verifyHeader(token).result()).isEqualTo(ALICE);
        assertThat(cache.verifyHeader(token).result()).isEqualTo(ALICE);

        assertThat(verified).hasSize(1);
    }

    @Test
    void aRememberedTokenIsVerifiedAgainOnceItsExpiryPassed() {
        TokenCache cache = new TokenCache(this::accept, clock, 10);
        String token = bearer(new JsonObject().put("exp", NOW + 60));
        cache.verifyHeader(token);

        clock.advance(Duration.ofSeconds(60));
        cache.verifyHeader(token);

        assertThat(verified).hasSize(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        TokenCache cache = new TokenCache(this::refuse, clock, 10);
        String token = bearer(new JsonObject().put("exp", NOW + 60));

        assertThat(cache.verifyHeader(token).failed()).isTrue();
        assertThat(cache.verifyHeader(token).failed()).isTrue();

        assertThat(verified).hasSize(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aTokenWithoutExpiryIsNeverRemembered() {
        TokenCache cache = new TokenCache(this::accept, clock, 10);
        String token = bearer(new JsonObject().put("sub", "alice"));

        cache.verifyHeader(token);
        cache.verifyHeader(token);

        assertThat(verified).hasSize(2);
    }

    @Test
    void aFullCacheStartsAfreshAndASizeOfZeroRemembersNothing() {
        TokenCache small = new TokenCache(this::accept, clock, 2);
        for (int i = 0; i < 3; i++) {
            small.verifyHeader(bearer(new JsonObject().put("exp", NOW + 60).put("jti", i)));
        }
        assertThat(small.size()).isEqualTo(1);

        TokenCache none = new TokenCache(this::accept, clock, 0);
        String token = bearer(new JsonObject().put("exp", NOW + 60));
        none.verifyHeader(token);
        none.verifyHeader(token);
        assertThat(none.size()).isZero();
        assertThat(verified).hasSize(5);
    }
}
