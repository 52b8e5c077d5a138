package io.whizbang.deploy;

/**
 * Run options for tests: every listener on a free port, so tests never collide with each other or a running
 * platform.
 */
final class TestRuns {
    private TestRuns() {
    }

    /** The options with the gateways and the control plane on ports the system picks. */
    static RunOptions onFreePorts(RunOptions options) {
        return options.setHost("127.0.0.1").setPort(Service.WEB, 0).setPort(Service.MOBILE, 0)
                .setPort(Service.DESKTOP, 0).setPort(Service.CONTROL, 0);
    }
}
