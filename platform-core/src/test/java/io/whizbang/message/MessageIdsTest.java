package io.whizbang.message;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MessageIdsTest {
    @Test
    void idsAreVersionSevenWithTheRfcVariant() {
        UUID id = MessageIds.next();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void idsCarryTheirMillisecondTimestamp() {
        Clock clock = Clock.fixed(Instant.parse("2030-05-01T10:00:00.123Z"), ZoneOffset.UTC);
        assertThat(MessageIds.timestampOf(MessageIds.next(clock))).isGreaterThanOrEqualTo(clock.millis());
    }

    @Test
    void idsMadeInOneJvmSortInCreationOrderEvenWithinOneMillisecond() {
        Clock frozen = Clock.fixed(Instant.parse("2031-01-01T00:00:00Z"), ZoneOffset.UTC);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            ids.add(MessageIds.next(frozen));
        }
        List<String> text = ids.stream().map(UUID::toString).toList();
        assertThat(text).isSorted().doesNotHaveDuplicates();
    }
}
