package io.whizbang.security;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevelopmentTokensTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    @Test
    void tokenHasThreeBase64UrlPartsWithTheHs256Header() {
        String token = mintAlice(Duration.ofHours(24));

        String[] parts = token.split("\\.", -1);
        assertThat(parts).hasSize(3);
        assertThat(token).doesNotContain("=", "+", "/");
        assertThat(decode(parts[0])).isEqualTo(new JsonObject().put("alg", "HS256").put("typ", "JWT"));
    }

    @Test
    void signatureIsTheHmacOfHeaderAndPayloadWithTheKey() throws Exception {
        DevelopmentKey key = DevelopmentKey.loadOrCreate(dataDir);
        String token = DevelopmentTokens.mint(alice(), Duration.ofMinutes(5), key, CLOCK);

        String[] parts = token.split("\\.");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
        byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(Base64.getUrlDecoder().decode(parts[2])).isEqualTo(expected);
    }

    @Test
    void signatureDoesNotVerifyWithAnotherKey() throws Exception {
        String token = mintAlice(Duration.ofMinutes(5));
        DevelopmentKey other = DevelopmentKey.loadOrCreate(dataDir.resolve("other"));

        String[] parts = token.split("\\.");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(other.secret(), "HmacSHA256"));
        byte[] forged = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(Base64.getUrlDecoder().decode(parts[2])).isNotEqualTo(forged);
    }

    @Test
    void claimsCarrySubjectTenantScopesAndIssuer() {
        JsonObject claims = decode(mintAlice(Duration.ofHours(1)).split("\\.")[1]);

        assertThat(claims.getString("sub")).isEqualTo("alice");
        assertThat(claims.getString("tenant")).isEqualTo("acme");
        assertThat(claims.getJsonArray("scopes").getList()).containsExactly("orders:read", "orders:write");
        assertThat(claims.getString("scope")).isEqualTo("orders:read orders:write");
        assertThat(claims.getString("iss")).isEqualTo("whizbang-dev");
        assertThat(claims.fieldNames())
                .containsExactlyInAnyOrder("sub", "tenant", "scopes", "scope", "iat", "exp", "iss");
    }

    @Test
    void expiryIsIssuedAtPlusTheTimeToLive() {
        JsonObject claims = decode(mintAlice(Duration.ofHours(24)).split("\\.")[1]);

        assertThat(claims.getLong("iat")).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.getLong("exp")).isEqualTo(NOW.getEpochSecond() + Duration.ofHours(24).toSeconds());
    }

    @Test
    void principalWithoutScopesGetsEmptyScopeClaims() {
        DevelopmentKey key = DevelopmentKey.loadOrCreate(dataDir);
        JsonObject claims = decode(DevelopmentTokens.mint(Principal.of("bob", "globex"), Duration.ofMinutes(1), key,
                CLOCK).split("\\.")[1]);

        assertThat(claims.getJsonArray("scopes")).isEmpty();
        assertThat(claims.getString("scope")).isEmpty();
    }

    @Test
    void nonPositiveTimeToLiveIsRejected() {
        DevelopmentKey key = DevelopmentKey.loadOrCreate(dataDir);

        assertThatThrownBy(() -> DevelopmentTokens.mint(alice(), Duration.ZERO, key, CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time to live");
    }

    private String mintAlice(Duration ttl) {
        return DevelopmentTokens.mint(alice(), ttl, DevelopmentKey.loadOrCreate(dataDir), CLOCK);
    }

    private static Principal alice() {
        return Principal.of("alice", "acme", "orders:write", "orders:read");
    }

    private static JsonObject decode(String part) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
    }
}
