package io.whizbang.message;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

    @Test
    void idsMadeOnManyThreadsAtOnceAreAllDistinctAndKeepTheirFormat() throws Exception {
        Clock frozen = Clock.fixed(Instant.parse("2032-01-01T00:00:00Z"), ZoneOffset.UTC);
        Set<UUID> ids = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        ids.add(MessageIds.next(frozen));
                    }
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(ids).hasSize(16_000).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        });
    }

    @Test
    void theRandomBitsDifferBetweenIdsOfOneThread() {
        Set<Long> randomBits = new java.util.HashSet<>();
        for (int i = 0; i < 1000; i++) {
            randomBits.add(MessageIds.next().getLeastSignificantBits());
        }
        assertThat(randomBits).hasSize(1000);
    }
}
