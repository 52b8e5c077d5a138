package io.whizbang.deploy;

/**
 * The launcher's exit codes.
 */
final class ExitCodes {
    /** The command did what was asked. */
    static final int OK = 0;
    /** The command was right but something failed while running it. */
    static final int FAILURE = 1;
    /** The command line asks for something unknown or not in this build; nothing was started. */
    static final int USAGE = 2;

    private ExitCodes() {
    }
}
