package io.worklane.work.web;

import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.shared.web.FieldError;
import io.worklane.work.CreateOptions;
import io.worklane.work.WorkItem;
import io.worklane.work.WorkManagement;
import io.worklane.work.WorkOverview;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "New item" dialog: fetched into the page by htmx (or opened as a page of its own without
 * JavaScript), posted as a plain form; refused fields come back next to their inputs, input kept. The
 * chosen type's custom fields are part of it (posted as {@code cf.<key>}); choosing another type swaps
 * them, by htmx, or without JavaScript when the form comes back.
 */
@Controller
@RequestMapping("/t/{tenant}/items")
class CreateItemDialog {

    private final WorkManagement work;
    private final WorkOverview overview;
    private final MessageSource messages;
    private final ItemFieldForms forms;

    CreateItemDialog(WorkManagement work, WorkOverview overview, MessageSource messages, ItemFieldForms forms) {
        this.work = work;
        this.overview = overview;
        this.messages = messages;
        this.forms = forms;
    }

    @GetMapping("/new")
    String dialog(@AuthenticationPrincipal WorklaneUser me, @RequestParam(required = false) String team,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("dialog", CreateDialogView.of(CreateItemForm.empty(team), Map.of(),
                overview.createOptions(me), Map.of(), null, htmx == null));
        return htmx != null ? "items/new :: dialog" : "items/new";
    }

    /** The custom fields of the type chosen in the dialog, swapped in by htmx when the type changes. */
    @GetMapping("/new/fields")
    String fields(@AuthenticationPrincipal WorklaneUser me, @RequestParam(required = false) String type, Model model) {
        CreateItemForm form = new CreateItemForm(null, type, null, null, null, false, null, null);
        model.addAttribute("dialog", CreateDialogView.of(form, Map.of(), overview.createOptions(me), Map.of(), null, false));
        return "items/new :: customFields";
    }

    /** People whose name or e-mail address starts with what was typed into a person picker, as options. */
    @GetMapping("/new/people")
    String people(@AuthenticationPrincipal WorklaneUser me, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("people", overview.peopleStartingWith(me, q));
        return "fragments :: peopleOptions";
    }

    @PostMapping
    String create(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me,
                  @ModelAttribute CreateItemForm form, @RequestParam MultiValueMap<String, String> parameters,
                  Model model, RedirectAttributes flash, HttpServletResponse response) {
        Map<String, List<String>> typed = ItemFieldForms.typed(parameters);
        CreateOptions options = overview.createOptions(me);
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            Map<String, Object> values = forms.customValues(CreateDialogView.type(form, options), typed, errors);
            WorkItem item = work.create(me, form.toNewItem(me.id().value(), values), null).item();
            flash.addFlashAttribute("ok", messages.getMessage("create.done", new Object[]{item.key()},
                    LocaleContextHolder.getLocale()));
            return "redirect:/t/" + tenant + "/items/" + item.key();
        } catch (ApiProblem problem) {
            if (problem.status().is5xxServerError()) {
                throw problem;
            }
            // A person no one has is named as such, before what the domain says of the text typed for them.
            for (FieldError error : problem.errors()) {
                errors.putIfAbsent(error.field().replaceAll("\\[.*$", ""), error.message());
            }
            response.setStatus(problem.status().value() == 400 ? 422 : problem.status().value());
            model.addAttribute("dialog", CreateDialogView.of(form, typed, options, errors,
                    errors.isEmpty() ? problem.getMessage() : null, true));
            return "items/new";
        }
    }
}
