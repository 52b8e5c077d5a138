package io.whizbang.operations;

import java.util.Locale;

/**
 * What one service did with a control command.
 */
public enum ControlOutcome {
    /** The service carried the command out. */
    APPLIED,
    /** The service tried and failed; the answer says why, with an error code. */
    FAILED,
    /** The command does not concern the service (it hosts no such perspective or cache). */
    NOT_APPLICABLE;

    /** The outcome as it travels, such as {@code not-applicable}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The outcome of a wire name. */
    public static ControlOutcome fromWire(String name) {
        for (ControlOutcome outcome : values()) {
            if (outcome.wireName().equals(name)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("no control outcome named \"" + name + "\"");
    }
}
