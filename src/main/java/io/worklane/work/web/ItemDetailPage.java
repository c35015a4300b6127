package io.worklane.work.web;

import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.shared.web.Flash;
import io.worklane.work.AttachmentProperties;
import io.worklane.work.WorkItem;
import io.worklane.work.WorkManagement;
import io.worklane.work.BlockRequest;
import io.worklane.work.ItemBlocks;
import io.worklane.work.WorkOverview;
import io.worklane.work.WorkType;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/**
 * An item's page. The title, the description and each fact of the side panel (assignee, priority,
 * labels, due date, parent, custom fields) are edited in place: htmx swaps the field for a form and
 * back. Every write carries the version the person saw, so a change made meanwhile by someone else is
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
    private final ItemFieldForms forms;
    private final ItemBlocks blocks;

    ItemDetailPage(WorkManagement work, WorkOverview overview, MessageSource messages, AttachmentProperties attachments,
                   UiFormat ui, ItemFieldForms forms, ItemBlocks blocks) {
        this.blocks = blocks;
        this.work = work;
        this.overview = overview;
        this.messages = messages;
        this.attachments = attachments;
        this.ui = ui;
        this.forms = forms;
    }

    @GetMapping
    String page(@AuthenticationPrincipal WorklaneUser me, @PathVariable String key, Model model) {
        model.addAttribute("view", ItemPageView.of(overview.item(me, key), me, messages));
        model.addAttribute("block", blocks.current(me, key).orElse(null));
        model.addAttribute("uploadLimit", attachments.maxSize().toBytes());
        model.addAttribute("uploadLimitText", ui.size(attachments.maxSize().toBytes()));
        return "items/item";
    }

    @GetMapping("/timeline")
    String timeline(@AuthenticationPrincipal WorklaneUser me, @PathVariable String key, Model model) {
        model.addAttribute("view", ItemPageView.of(overview.item(me, key), me, messages));
        return "items/item :: timeline";
    }

    // --- fields, in place -----------------------------------------------------------------------------

    @GetMapping("/{field:" + ItemFieldForms.EDITABLE + "}")
    String show(@AuthenticationPrincipal WorklaneUser me, @PathVariable String key, @PathVariable String field,
                Model model) {
        return shown(me, work.get(me, key), field, model);
    }

    @GetMapping("/{field:" + ItemFieldForms.EDITABLE + "}/edit")
    String edit(@AuthenticationPrincipal WorklaneUser me, @PathVariable String key, @PathVariable String field,
                Model model) {
        WorkItem item = work.get(me, key);
        if (!work.mayEdit(me, item)) {
            throw ApiProblem.forbidden(messages.getMessage("item.readonly", null, LocaleContextHolder.getLocale()));
        }
        model.addAttribute("edit", FieldEdit.of(item.key(), field, forms.input(item, typeOf(me, item), field), item.version()));
        return editFragment(field);
    }

    @PostMapping("/{field:" + ItemFieldForms.EDITABLE + "}")
    String save(@AuthenticationPrincipal WorklaneUser me, @PathVariable String key, @PathVariable String field,
                @RequestParam MultiValueMap<String, String> parameters, @RequestParam long version,
                Model model, HttpServletResponse response) {
        // Read from the map: a List parameter would split "vpn, network" at its comma into two values.
        List<String> typed = parameters.getOrDefault("value", List.of());
        WorkItem before = work.get(me, key);
        WorkType type = typeOf(me, before);
        try {
            WorkItem item = work.update(me, key, forms.change(type, field, typed), version);
            response.setHeader(CHANGED, "{\"itemChanged\":{\"version\":" + item.version() + "}}");
            return shown(me, item, field, model);
        } catch (ApiProblem problem) {
            FieldInput input = forms.input(before, type, field);
            if (problem.status().value() == 409) {
                WorkItem current = work.get(me, key);
                response.setStatus(409);
                model.addAttribute("edit", FieldEdit.conflict(current.key(), field, input, typed, current.version(),
                        problem.getMessage(), forms.shown(current, overview.customFields(me, current), field)));
            } else if (problem.status().value() == 400) {
                response.setStatus(422);
                model.addAttribute("edit", FieldEdit.refused(before.key(), field, input, typed, version,
                        problem.errorOn(ItemFieldForms.problemField(field)).orElse(problem.getMessage())));
            } else {
                throw problem;
            }
            return editFragment(field);
        }
    }

    /** A field as the page shows it: the title, the description, or a fact of the side panel. */
    private String shown(WorklaneUser me, WorkItem item, String field, Model model) {
        model.addAttribute("item", item);
        model.addAttribute("mayEdit", work.mayEdit(me, item));
        if (field.equals("title") || field.equals("description")) {
            return "items/item :: " + field;
        }
        model.addAttribute("field", field);
        model.addAttribute("custom", overview.customFields(me, item).stream()
                .filter(f -> field.equals(ItemFieldForms.CUSTOM + f.key())).findFirst().orElse(null));
        return "items/item :: fact";
    }

    private static String editFragment(String field) {
        return "items/item :: " + (field.equals("title") || field.equals("description") ? field + "Edit" : "factEdit");
    }

    private WorkType typeOf(WorklaneUser me, WorkItem item) {
        return work.types(me).type(item.type().id()).orElseThrow();
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

    // --- blocked work -------------------------------------------------------------------------------

    @PostMapping("/block")
    String block(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable String key,
                 @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        Flash.attempt(flash, () -> blocks.block(me, key, new BlockRequest(reason, null, null)),
                messages.getMessage("item.blocked", null, LocaleContextHolder.getLocale()));
        return "redirect:/t/" + tenant + "/items/" + key;
    }

    @PostMapping("/unblock")
    String unblock(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable String key,
                   RedirectAttributes flash) {
        Flash.attempt(flash, () -> blocks.unblock(me, key),
                messages.getMessage("item.unblocked", null, LocaleContextHolder.getLocale()));
        return "redirect:/t/" + tenant + "/items/" + key;
    }
}
