package io.whizbang.security;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.whizbang.error.ErrorCode;
import io.whizbang.error.WhizbangException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class TokenVerifierTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path otherDir;
    private DevelopmentKey key;
    private TokenVerifier verifier;

    @BeforeEach
    void setUp(Vertx vertx) {
        key = DevelopmentKey.loadOrCreate(dataDir);
        verifier = TokenVerifier.create(vertx, TokenVerifierOptions.development(key));
    }

    private static void assertUnauthenticated(Throwable failure, String reason) {
        assertThat(((WhizbangException) failure).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
        assertThat(failure.getMessage()).contains(reason);
    }

    @Test
    void aDevelopmentTokenGivesItsPrincipal(VertxTestContext ctx) {
        String token = DevelopmentTokens.mint(Principal.of("alice", "acme", "orders:read", "orders:write"),
                Duration.ofHours(1), key, Clock.systemUTC());
        verifier.verifyHeader("Bearer " + token).onComplete(ctx.succeeding(principal -> ctx.verify(() -> {
            assertThat(principal).isEqualTo(Principal.of("alice", "acme", "orders:read", "orders:write"));
            ctx.completeNow();
        })));
    }

    @Test
    void anExpiredTokenIsRefused(VertxTestContext ctx) {
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(3)), ZoneOffset.UTC);
        String token = DevelopmentTokens.mint(Principal.of("alice", "acme"), Duration.ofHours(1), key, past);
        verifier.verify(token).onComplete(ctx.failing(failure -> ctx.verify(() -> {
            assertUnauthenticated(failure, "it has expired");
            ctx.completeNow();
        })));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused(VertxTestContext ctx) {
        String forged = DevelopmentTokens.mint(Principal.of("mallory", "acme", "orders:write"), Duration.ofHours(1),
                DevelopmentKey.loadOrCreate(otherDir), Clock.systemUTC());
        verifier.verify(forged).onComplete(ctx.failing(failure -> ctx.verify(() -> {
            assertUnauthenticated(failure, "signature does not match");
            assertThat(failure.getMessage()).doesNotContain(forged);
            ctx.completeNow();
        })));
    }

    @Test
    void missingOrMalformedHeadersAreRefused(VertxTestContext ctx) {
        verifier.verifyHeader(null)
                .recover(failure -> {
                    ctx.verify(() -> assertUnauthenticated(failure, "no bearer token"));
                    return verifier.verifyHeader("Basic YWxpY2U6c2VjcmV0");
                })
                .recover(failure -> {
                    ctx.verify(() -> assertUnauthenticated(failure, "not a Bearer token"));
                    return verifier.verifyHeader("Bearer not.a.jwt");
                })
                .onComplete(ctx.failing(failure -> ctx.verify(() -> {
                    assertUnauthenticated(failure, "not valid");
                    ctx.completeNow();
                })));
    }

    @Test
    void theOptionsRoundTripThroughJson() {
        TokenVerifierOptions options = TokenVerifierOptions.development(key).setAudience("web");
        TokenVerifierOptions copy = new TokenVerifierOptions(options.toJson());
        assertThat(copy.getHmacSecret()).isEqualTo(key.secret());
        assertThat(copy.getIssuer()).isEqualTo(DevelopmentTokens.ISSUER);
        assertThat(copy.getAudience()).isEqualTo("web");
    }
}
