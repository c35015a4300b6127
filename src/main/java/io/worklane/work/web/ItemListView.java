package io.worklane.work.web;

import io.worklane.work.ItemPage;
import io.worklane.work.ItemSummary;

import java.util.List;
import java.util.Map;

/**
 * The item list: the query as typed, its rows, where the next page comes from (null on the last), the
 * query's error (shown next to the bar) and the sortable column headers.
 */
record ItemListView(String q, List<ItemSummary> items, String moreUrl, String error, Map<String, Column> columns) {

    /** A column header; {@code href} re-sorts by it, {@code ariaSort} says how the list is sorted now. */
    record Column(String field, String href, String ariaSort) {
    }

    static ItemListView of(String q, ItemPage page, String moreUrl, Map<String, Column> columns) {
        return new ItemListView(q, page.items(), moreUrl, null, columns);
    }

    static ItemListView failed(String q, String error, Map<String, Column> columns) {
        return new ItemListView(q, List.of(), null, error, columns);
    }
}
