package io.whizbang.policy;

/**
 * How transient failures are retried.
 *
 * @param maxAttempts          attempts in all, at least 1
 * @param initialBackoffMillis delay before the second attempt
 * @param multiplier           growth of each next delay, at least 1
 * @param maxBackoffMillis     the longest delay
 */
public record RetryPolicy(int maxAttempts, long initialBackoffMillis, double multiplier, long maxBackoffMillis) {
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final long DEFAULT_INITIAL_BACKOFF_MILLIS = 50;
    public static final double DEFAULT_MULTIPLIER = 2.0;
    public static final long DEFAULT_MAX_BACKOFF_MILLIS = 2000;

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("retry maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoffMillis < 0 || maxBackoffMillis < initialBackoffMillis) {
            throw new IllegalArgumentException("retry backoff must satisfy 0 <= initial (" + initialBackoffMillis
                    + ") <= max (" + maxBackoffMillis + ")");
        }
        if (!(multiplier >= 1.0)) {
            throw new IllegalArgumentException("retry multiplier must be at least 1, was " + multiplier);
        }
    }

    /** The delay before attempt number {@code attempt} (2 for the first retry). */
    public long backoffBefore(int attempt) {
        double delay = initialBackoffMillis * Math.pow(multiplier, Math.max(0, attempt - 2));
        return (long) Math.min(delay, maxBackoffMillis);
    }
}
