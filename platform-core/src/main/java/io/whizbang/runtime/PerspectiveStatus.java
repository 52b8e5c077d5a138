package io.whizbang.runtime;

/**
 * Where one perspective stands.
 *
 * @param name     the perspective's name
 * @param position the global position of its last committed batch
 * @param failure  why it stopped, or {@code null} while it runs
 */
public record PerspectiveStatus(String name, long position, String failure) {
    /** Whether the perspective is running. */
    public boolean running() {
        return failure == null;
    }
}
