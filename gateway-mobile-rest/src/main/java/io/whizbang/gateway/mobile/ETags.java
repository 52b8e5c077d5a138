package io.whizbang.gateway.mobile;

/**
 * Entity tags of read models that carry their stream version, such as an order summary.
 *
 * <p>The tag is weak, {@code W/"<version>"}: the version names the state of the order, while the bytes of its
 * representation vary with the response's content coding (gzip or none), which a strong tag would have to tell
 * apart. {@code If-None-Match} compares tags weakly, as RFC 9110 requires, so a client that cached any coding
 * revalidates with {@code 304}.
 */
final class ETags {
    private ETags() {
    }

    /** The tag of the given version. */
    static String of(long version) {
        return "W/\"" + version + "\"";
    }

    /** Whether an {@code If-None-Match} value (a list of tags, or {@code *}) matches the tag weakly. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String opaque = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || opaque(tag).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
