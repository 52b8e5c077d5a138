package io.whizbang.gateway.mobile;

import io.vertx.core.json.JsonObject;
import io.whizbang.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ETags, field selections and correlation ids. */
class SmallPartsTest {
    @Test
    void anETagIsWeakAndMatchesWeaklyInAListOrAsAStar() {
        String tag = ETags.of(7);

        assertThat(tag).isEqualTo("W/\"7\"");
        assertThat(ETags.matches("W/\"7\"", tag)).isTrue();
        assertThat(ETags.matches("\"7\"", tag)).isTrue();
        assertThat(ETags.matches("\"6\", W/\"7\"", tag)).isTrue();
        assertThat(ETags.matches("*", tag)).isTrue();
        assertThat(ETags.matches("W/\"8\"", tag)).isFalse();
        assertThat(ETags.matches(null, tag)).isFalse();
        assertThat(ETags.matches("", tag)).isFalse();
    }

    @Test
    void aFieldSelectionKeepsOnlyTheNamedFields() {
        JsonObject item = new JsonObject().put("a", 1).put("b", 2).put("c", 3);

        assertThat(FieldSelection.parse("c, a", List.of("a", "b", "c")).apply(item))
                .isEqualTo(new JsonObject().put("c", 3).put("a", 1));
        assertThat(FieldSelection.parse(null, List.of("a", "b", "c")).apply(item)).isSameAs(item);
    }

    @Test
    void aFieldSelectionRefusesUnknownAndEmptyNames() {
        assertThatThrownBy(() -> FieldSelection.parse("a,zzz", List.of("a")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("\"zzz\"");
        assertThatThrownBy(() -> FieldSelection.parse("a,,b", List.of("a", "b")))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("fields: ");
        assertThatThrownBy(() -> FieldSelection.parse("", List.of("a"))).isInstanceOf(ValidationException.class);
    }

    @Test
    void aUuidCorrelationIdIsKeptAndAnyOtherMapsToTheSameNameBasedUuid() {
        UUID given = UUID.randomUUID();

        assertThat(Correlation.uuidOf(given.toString())).isEqualTo(given);
        assertThat(Correlation.uuidOf("journey-42")).isEqualTo(Correlation.uuidOf("journey-42"))
                .isNotEqualTo(Correlation.uuidOf("journey-43"));
        assertThat(Correlation.uuidOf("x".repeat(36))).isNotNull();
    }
}
