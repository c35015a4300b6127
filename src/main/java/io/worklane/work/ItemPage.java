package io.worklane.work;

import java.util.List;

/** One page of a list of items; {@code nextCursor} fetches the next page and is null on the last. */
public record ItemPage(List<ItemSummary> items, String nextCursor) {
}
