package io.whizbang.projection;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a query's answer.
 *
 * @param items      the items, in the query's order
 * @param nextCursor the cursor of the next page, or {@code null} when this is the last
 * @param <T>        the item type
 */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }

    /** The same page with every item mapped. */
    public <U> Page<U> map(Function<? super T, ? extends U> mapper) {
        return new Page<>(items.stream().<U>map(mapper).toList(), nextCursor);
    }
}
