package io.whizbang.projection;

import java.util.List;
import java.util.Objects;

/**
 * What one batch of a perspective commits, atomically: its document changes and its new checkpoint.
 *
 * @param projection the perspective's name
 * @param changes    the document writes, in order; a later write of the same key wins
 * @param position   the global position of the last event the batch handled
 */
public record ProjectionCommit(String projection, List<DocumentChange> changes, long position) {
    public ProjectionCommit {
        Objects.requireNonNull(projection, "projection");
        changes = List.copyOf(changes);
    }
}
