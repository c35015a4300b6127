package io.worklane.work.web;

import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.shared.web.FieldError;
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
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The "New item" dialog: fetched into the page by htmx (or opened as a page of its own without
 * JavaScript), posted as a plain form; refused fields come back next to their inputs, input kept.
 */
@Controller
@RequestMapping("/t/{tenant}/items")
class CreateItemDialog {

    private final WorkManagement work;
    private final WorkOverview overview;
    private final MessageSource messages;

    CreateItemDialog(WorkManagement work, WorkOverview overview, MessageSource messages) {
        this.work = work;
        this.overview = overview;
        this.messages = messages;
    }

    @GetMapping("/new")
    String dialog(@AuthenticationPrincipal WorklaneUser me, @RequestParam(required = false) String team,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("dialog", new CreateDialogView(CreateItemForm.empty(team), overview.createOptions(me),
                Map.of(), null, htmx == null));
        return htmx != null ? "items/new :: dialog" : "items/new";
    }

    @PostMapping
    String create(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me,
                  @ModelAttribute CreateItemForm form, Model model, RedirectAttributes flash,
                  HttpServletResponse response) {
        try {
            WorkItem item = work.create(me, form.toNewItem(me.id().value()), null).item();
            flash.addFlashAttribute("ok", messages.getMessage("create.done", new Object[]{item.key()},
                    LocaleContextHolder.getLocale()));
            return "redirect:/t/" + tenant + "/items/" + item.key();
        } catch (ApiProblem problem) {
            if (problem.status().is5xxServerError()) {
                throw problem;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldError error : problem.errors()) {
                errors.putIfAbsent(error.field().replaceAll("[\\[.].*$", ""), error.message());
            }
            response.setStatus(problem.status().value() == 400 ? 422 : problem.status().value());
            model.addAttribute("dialog", new CreateDialogView(form, overview.createOptions(me), errors,
                    errors.isEmpty() ? problem.getMessage() : null, true));
            return "items/new";
        }
    }
}
