package io.worklane.work.web;

import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.work.SavedFilter;
import io.worklane.work.SavedFilterManagement;
import io.worklane.work.SavedFilterManagement.FilterOrder;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.UUID;

/**
 * Saving, renaming, sharing and deleting filters from the item list (post, redirect, get). A refusal
 * goes back to the list it came from with what was typed and why, next to the form; nothing is saved.
 * Changes carry the version the person saw, so a filter changed meanwhile is never overwritten.
 */
@Controller
@RequestMapping("/t/{tenant}/filters")
class SavedFilterPages {

    private final SavedFilterManagement filters;
    private final MessageSource messages;

    SavedFilterPages(SavedFilterManagement filters, MessageSource messages) {
        this.filters = filters;
        this.messages = messages;
    }

    @PostMapping
    String save(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me,
                @RequestParam(required = false) String name, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "false") boolean shared, RedirectAttributes flash) {
        try {
            SavedFilter filter = filters.create(me, new FilterOrder(name, q, shared));
            flash.addFlashAttribute("ok", text("filter.saved", filter.name()));
            return "redirect:" + filterUrl(tenant, filter.id());
        } catch (ApiProblem problem) {
            if (problem.status().is5xxServerError()) {
                throw problem;
            }
            flash.addFlashAttribute("saveError", refusal(problem));
            flash.addFlashAttribute("saveName", name);
            flash.addFlashAttribute("saveShared", shared);
            return "redirect:" + ItemListPage.listUrl(tenant, q == null ? "" : q);
        }
    }

    /** Renames, re-queries or (un)shares a filter; a query left out stays as it is. */
    @PostMapping("/{id}")
    String change(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable UUID id,
                  @RequestParam(required = false) String name, @RequestParam(required = false) String query,
                  @RequestParam(defaultValue = "false") boolean shared, @RequestParam long version,
                  RedirectAttributes flash) {
        try {
            SavedFilter filter = filters.update(me, id, new FilterOrder(name, query, shared), version);
            flash.addFlashAttribute("ok", text("filter.changed", filter.name()));
        } catch (ApiProblem problem) {
            if (problem.status().is5xxServerError() || problem.status().value() == 404) {
                throw problem;
            }
            flash.addFlashAttribute("manageError", refusal(problem));
            // A refused field comes back as typed, beside its input; a stale filter shows what it is now.
            if (problem.status().value() != 409 || problem.errorOn("name").isPresent()) {
                flash.addFlashAttribute("manageField", problem.errorOn("query").isPresent() ? "query" : "name");
                flash.addFlashAttribute("manageName", name);
                flash.addFlashAttribute("manageQuery", query);
                flash.addFlashAttribute("manageShared", shared);
            }
        }
        return "redirect:" + filterUrl(tenant, id);
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable UUID id,
                  @RequestParam long version, RedirectAttributes flash) {
        try {
            String name = filters.get(me, id).name();
            filters.delete(me, id, version);
            flash.addFlashAttribute("ok", text("filter.deleted", name));
            return "redirect:/t/" + tenant + "/items";
        } catch (ApiProblem problem) {
            if (problem.status().is5xxServerError() || problem.status().value() == 404) {
                throw problem;
            }
            flash.addFlashAttribute("manageError", refusal(problem));
            return "redirect:" + filterUrl(tenant, id);
        }
    }

    static String filterUrl(String tenant, UUID id) {
        return UriComponentsBuilder.fromPath("/t/{tenant}/items").queryParam("filter", "{id}").encode()
                .buildAndExpand(tenant, id).toUriString();
    }

    /** The filter's list, sorted as {@code q} (its query with another ORDER BY) says. */
    static String filterUrl(String tenant, UUID id, String q) {
        return UriComponentsBuilder.fromPath("/t/{tenant}/items").queryParam("filter", "{id}").queryParam("q", "{q}")
                .encode().buildAndExpand(tenant, id, q).toUriString();
    }

    /** The refusal as a sentence about the form's field, or the problem's own sentence. */
    private String refusal(ApiProblem problem) {
        return problem.errorOn("name").map(message -> text("filter.error.name", message))
                .or(() -> problem.errorOn("query").map(message -> text("filter.error.query", message)))
                .orElse(problem.getMessage());
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
