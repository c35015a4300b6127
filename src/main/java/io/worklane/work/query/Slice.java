package io.worklane.work.query;

import java.util.List;

/** One page of a keyset-paged list; {@code nextCursor} is null on the last page. */
public record Slice<T>(List<T> items, String nextCursor) {

    public Slice {
        items = List.copyOf(items);
    }

    public boolean hasNext() {
        return nextCursor != null;
    }
}
