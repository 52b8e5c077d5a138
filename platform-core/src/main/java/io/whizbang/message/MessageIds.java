package io.whizbang.message;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes message ids: UUID version 7 (RFC 9562), time-ordered so that ids sort by creation time.
 *
 * <p>Within one millisecond the 12-bit sub-millisecond field counts up, so ids made by one JVM are strictly
 * increasing. The 62 random bits come from a generator of the calling thread, seeded once from {@link SecureRandom}:
 * a shared {@code SecureRandom} made every id wait on one lock, and the ids' uniqueness within a JVM rests on the
 * counted timestamp, not on the random bits.
 */
public final class MessageIds {
    private static final SecureRandom SEEDS = new SecureRandom();
    private static final ThreadLocal<SplittableRandom> RANDOM =
            ThreadLocal.withInitial(() -> new SplittableRandom(SEEDS.nextLong()));
    private static final AtomicLong LAST = new AtomicLong();

    private MessageIds() {
    }

    /** A new UUIDv7 from the system clock. */
    public static UUID next() {
        return next(Clock.systemUTC());
    }

    /** A new UUIDv7 whose timestamp comes from the given clock. */
    public static UUID next(Clock clock) {
        long stamp = nextStamp(clock.millis());
        long millis = stamp >>> 12;
        long counter = stamp & 0xFFF;
        long msb = (millis << 16) | 0x7000L | counter;
        long lsb = (RANDOM.get().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** The millisecond timestamp a UUIDv7 carries. */
    public static long timestampOf(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException("not a UUIDv7: " + id);
        }
        return id.getMostSignificantBits() >>> 16;
    }

    private static long nextStamp(long millis) {
        long candidate = millis << 12;
        while (true) {
            long last = LAST.get();
            long next = Math.max(candidate, last + 1);
            if (LAST.compareAndSet(last, next)) {
                return next;
            }
        }
    }
}
