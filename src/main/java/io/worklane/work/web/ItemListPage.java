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
        if (filter != null) {
            SavedFilter running = filters.get(me, filter);
            model.addAttribute("filter", SavedFilterView.of(running, me));
            q = running.query();
        }
        model.addAttribute("list", find(tenant, me, q, null));
        model.addAttribute("filters", SavedFilterView.of(filters.visible(me), me));
        return "items/list";
    }

    /** The next rows, for "Load more": rows and a new "Load more" row, to replace the old one. */
    @GetMapping("/rows")
    String rows(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me,
                @RequestParam(required = false) String q, @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("list", find(tenant, me, q, cursor));
        return "items/list :: rows";
    }

    private ItemListView find(String tenant, WorklaneUser me, String q, String cursor) {
        String query = q == null ? "" : q.strip();
        Map<String, ItemListView.Column> columns = columns(tenant, query);
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

    private static Map<String, ItemListView.Column> columns(String tenant, String q) {
        var sort = ItemQuery.sortOf(q);
        Map<String, ItemListView.Column> columns = new LinkedHashMap<>();
        for (String field : ItemQuery.SORTABLE) {
            columns.put(field, new ItemListView.Column(field, listUrl(tenant, ItemQuery.sortedBy(q, field)),
                    sort.filter(s -> s.field().equals(field))
                            .map(s -> s.descending() ? "descending" : "ascending").orElse("none")));
        }
        return columns;
    }
}
