package io.whizbang.ledger;

/**
 * The version a stream must be at for an append to commit; versions count events from 1.
 */
public sealed interface ExpectedVersion {
    /** Any version, including no stream: the append never conflicts. */
    static ExpectedVersion any() {
        return Any.INSTANCE;
    }

    /** The stream must not exist yet. */
    static ExpectedVersion noStream() {
        return Exactly.NONE;
    }

    /** The stream must be exactly at this version; 0 means it must not exist. */
    static ExpectedVersion exactly(long version) {
        return version == 0 ? Exactly.NONE : new Exactly(version);
    }

    /** Whether a stream at the given version (0 when absent) satisfies this expectation. */
    boolean matches(long currentVersion);

    /** Appends at any version. */
    enum Any implements ExpectedVersion {
        INSTANCE;

        @Override
        public boolean matches(long currentVersion) {
            return true;
        }

        @Override
        public String toString() {
            return "any version";
        }
    }

    /**
     * Appends only at one version.
     *
     * @param version the version, 0 for no stream
     */
    record Exactly(long version) implements ExpectedVersion {
        static final Exactly NONE = new Exactly(0);

        public Exactly {
            if (version < 0) {
                throw new IllegalArgumentException("an expected version cannot be negative: " + version);
            }
        }

        @Override
        public boolean matches(long currentVersion) {
            return currentVersion == version;
        }

        @Override
        public String toString() {
            return version == 0 ? "no stream" : "version " + version;
        }
    }
}
