package io.whizbang.runtime;

/**
 * The condition of a perspective's live generation, as health reports it.
 */
public enum PerspectiveState {
    /** At or near the ledger's head, keeping up. */
    RUNNING,
    /** Behind by more than a batch and making progress. */
    CATCHING_UP,
    /** Healthy, with a new generation being built beside the live one. */
    REBUILDING,
    /**
     * Events wait and the perspective made no progress for the configured stall period, or its lag never shrank
     * throughout the period and ended higher: it falls further behind though it moves.
     */
    STALLED,
    /** Stopped by a failure of its store or ledger; it needs a restart or a rebuild. */
    FAILED;

    /** Whether a perspective in this state is healthy. */
    public boolean healthy() {
        return this != STALLED && this != FAILED;
    }
}
