package io.whizbang.impl.runtime;

/**
 * The index of pending saga deadlines across tenants: one document per instance with a deadline, kept in a
 * reserved tenant so a restart finds every deadline with one scan.
 */
final class SagaIndex {
    /** The reserved tenant the index is kept in. */
    static final String TENANT = "whizbang:deadlines";

    private SagaIndex() {
    }

    static String join(String tenant, String key) {
        return tenant.length() + ":" + tenant + key;
    }

    static String[] split(String joined) {
        int colon = joined.indexOf(':');
        int length = Integer.parseInt(joined.substring(0, colon));
        String tenant = joined.substring(colon + 1, colon + 1 + length);
        return new String[] {tenant, joined.substring(colon + 1 + length)};
    }
}
