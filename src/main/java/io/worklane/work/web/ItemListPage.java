package io.worklane.work.web;

import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.work.ItemPage;
import io.worklane.work.SavedFilter;
import io.worklane.work.SavedFilterManagement;
import io.worklane.work.WorkSearch;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The list of items: a query bar, sortable columns, and more rows on request; beside it the saved
 * filters the reader may run. {@code ?filter={id}} runs a saved filter under its name.
 */
@Controller
@RequestMapping("/t/{tenant}/items")
class ItemListPage {

    private final WorkSearch search;
    private final SavedFilterManagement filters;

    ItemListPage(WorkSearch search, SavedFilterManagement filters) {
        this.search = search;
        this.filters = filters;
    }

    @GetMapping
    String list(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me,
                @RequestParam(required = false) String q, @RequestParam(required = false) UUID filter, Model model) {
        UUID running = null;
        if (filter != null) {
            SavedFilter saved = filters.get(me, filter);
            // The filter's query, or the same query sorted by a column: either runs under its name.
            if (q == null || ItemQuery.filterOf(q).equals(ItemQuery.filterOf(saved.query()))) {
                model.addAttribute("filter", SavedFilterView.of(saved, me));
                q = q == null ? saved.query() : q;
                running = filter;
            }
        }
        model.addAttribute("list", find(tenant, me, q, null, running));
        model.addAttribute("filters", SavedFilterView.of(filters.visible(me), me));
        return "items/list";
    }

    /** The next rows, for "Load more": rows and a new "Load more" row, to replace the old one. */
    @GetMapping("/rows")
    String rows(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me,
                @RequestParam(required = false) String q, @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("list", find(tenant, me, q, cursor, null));
        return "items/list :: rows";
    }

    /** The rows of a query; {@code filter} the saved filter it runs, which its sortable headers keep. */
    private ItemListView find(String tenant, WorklaneUser me, String q, String cursor, UUID filter) {
        String query = q == null ? "" : q.strip();
        Map<String, ItemListView.Column> columns = columns(tenant, query, filter);
        try {
            ItemPage page = search.find(me, query, cursor, WorkSearch.DEFAULT_LIMIT);
            String more = page.nextCursor() == null ? null : UriComponentsBuilder.fromPath("/t/{tenant}/items/rows")
                    .queryParam("q", "{q}").queryParam("cursor", "{cursor}")
                    .encode().buildAndExpand(tenant, query, page.nextCursor()).toUriString();
            return ItemListView.of(query, page, more, columns);
        } catch (ApiProblem problem) {
            if (problem.status().is5xxServerError()) {
                throw problem;
            }
            return ItemListView.failed(query, problem.errorOn("q").orElse(problem.getMessage()), columns);
        }
    }

    static String listUrl(String tenant, String q) {
        return UriComponentsBuilder.fromPath("/t/{tenant}/items").queryParam("q", "{q}").encode()
                .buildAndExpand(tenant, q).toUriString();
    }

    private static Map<String, ItemListView.Column> columns(String tenant, String q, UUID filter) {
        var sort = ItemQuery.sortOf(q);
        Map<String, ItemListView.Column> columns = new LinkedHashMap<>();
        for (String field : ItemQuery.SORTABLE) {
            String sorted = ItemQuery.sortedBy(q, field);
            String href = filter == null ? listUrl(tenant, sorted) : SavedFilterPages.filterUrl(tenant, filter, sorted);
            columns.put(field, new ItemListView.Column(field, href,
                    sort.filter(s -> s.field().equals(field))
                            .map(s -> s.descending() ? "descending" : "ascending").orElse("none")));
        }
        return columns;
    }
}
