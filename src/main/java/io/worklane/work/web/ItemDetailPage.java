package io.worklane.work.web;

import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.shared.web.Flash;
import io.worklane.work.AttachmentProperties;
import io.worklane.work.ItemChanges;
import io.worklane.work.WorkItem;
import io.worklane.work.WorkManagement;
import io.worklane.work.WorkOverview;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Optional;

/**
 * An item's page. The title and description are edited in place (htmx swaps the field for a form and
 * back); every write carries the version the person saw, so a change made meanwhile by someone else is
 * shown to them, never overwritten. Transitions and watching are plain forms (post, redirect, get).
 */
@Controller
@RequestMapping("/t/{tenant}/items/{key}")
class ItemDetailPage {

    /** The header that raises "itemChanged" in the page: forms take the new version, the timeline reloads. */
    private static final String CHANGED = "HX-Trigger";

    private final WorkManagement work;
    private final WorkOverview overview;
    private final MessageSource messages;
    private final AttachmentProperties attachments;
    private final UiFormat ui;

    ItemDetailPage(WorkManagement work, WorkOverview overview, MessageSource messages, AttachmentProperties attachments,
                   UiFormat ui) {
        this.work = work;
        this.overview = overview;
        this.messages = messages;
        this.attachments = attachments;
        this.ui = ui;
    }

    @GetMapping
    String page(@AuthenticationPrincipal WorklaneUser me, @PathVariable String key, Model model) {
        model.addAttribute("view", ItemPageView.of(overview.item(me, key), me, messages));
        model.addAttribute("uploadLimit", attachments.maxSize().toBytes());
        model.addAttribute("uploadLimitText", ui.size(attachments.maxSize().toBytes()));
        return "items/item";
    }

    @GetMapping("/timeline")
    String timeline(@AuthenticationPrincipal WorklaneUser me, @PathVariable String key, Model model) {
        model.addAttribute("view", ItemPageView.of(overview.item(me, key), me, messages));
        return "items/item :: timeline";
    }

    // --- title and description, in place ------------------------------------------------------------

    @GetMapping("/{field:title|description}")
    String show(@AuthenticationPrincipal WorklaneUser me, @PathVariable String key, @PathVariable String field,
                Model model) {
        WorkItem item = work.get(me, key);
        model.addAttribute("item", item);
        model.addAttribute("mayEdit", work.mayEdit(me, item));
        return "items/item :: " + field;
    }

    @GetMapping("/{field:title|description}/edit")
    String edit(@AuthenticationPrincipal WorklaneUser me, @PathVariable String key, @PathVariable String field,
                Model model) {
        WorkItem item = work.get(me, key);
        if (!work.mayEdit(me, item)) {
            throw ApiProblem.forbidden(messages.getMessage("item.readonly", null, LocaleContextHolder.getLocale()));
        }
        model.addAttribute("edit", FieldEdit.of(item, field));
        return "items/item :: " + field + "Edit";
    }

    @PostMapping("/{field:title|description}")
    String save(@AuthenticationPrincipal WorklaneUser me, @PathVariable String key, @PathVariable String field,
                @RequestParam(required = false) String value, @RequestParam long version, Model model,
                HttpServletResponse response) {
        ItemChanges changes = "title".equals(field)
                ? new ItemChanges(Optional.ofNullable(value), null, null, null, null, null, null, null)
                : new ItemChanges(null, Optional.ofNullable(value).filter(v -> !v.isBlank()), null, null, null, null, null, null);
        try {
            WorkItem item = work.update(me, key, changes, version);
            response.setHeader(CHANGED, "{\"itemChanged\":{\"version\":" + item.version() + "}}");
            model.addAttribute("item", item);
            model.addAttribute("mayEdit", true);
            return "items/item :: " + field;
        } catch (ApiProblem problem) {
            if (problem.status().value() == 409) {
                WorkItem current = work.get(me, key);
                response.setStatus(409);
                model.addAttribute("edit", FieldEdit.conflict(current, field, value, problem.getMessage()));
            } else if (problem.status().value() == 400) {
                response.setStatus(422);
                model.addAttribute("edit", FieldEdit.refused(key.strip().toUpperCase(), field, value, version,
                        problem.errorOn(field).orElse(problem.getMessage())));
            } else {
                throw problem;
            }
            return "items/item :: " + field + "Edit";
        }
    }

    // --- workflow and watching ----------------------------------------------------------------------

    @PostMapping("/transitions")
    String transition(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable String key,
                      @RequestParam String to, @RequestParam long version, RedirectAttributes flash) {
        Flash.attempt(flash, () -> work.transition(me, key, to, version),
                messages.getMessage("item.moved", new Object[]{to}, LocaleContextHolder.getLocale()));
        return "redirect:/t/" + tenant + "/items/" + key;
    }

    @PostMapping("/watch")
    String watch(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable String key,
                 RedirectAttributes flash) {
        Flash.attempt(flash, () -> work.watch(me, key, null),
                messages.getMessage("item.watching", null, LocaleContextHolder.getLocale()));
        return "redirect:/t/" + tenant + "/items/" + key;
    }

    @PostMapping("/unwatch")
    String unwatch(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable String key,
                   RedirectAttributes flash) {
        Flash.attempt(flash, () -> work.unwatch(me, key, null),
                messages.getMessage("item.unwatched", null, LocaleContextHolder.getLocale()));
        return "redirect:/t/" + tenant + "/items/" + key;
    }
}
