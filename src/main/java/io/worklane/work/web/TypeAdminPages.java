package io.worklane.work.web;

import io.worklane.identity.Role;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.shared.web.Flash;
import io.worklane.work.CustomFieldKind;
import io.worklane.work.NewCustomField;
import io.worklane.work.NewWorkType;
import io.worklane.work.StatusFlow;
import io.worklane.work.StatusPhase;
import io.worklane.work.TypeDetails;
import io.worklane.work.WorkCategory;
import io.worklane.work.WorkTypeChanges;
import io.worklane.work.WorkTypeManagement;
import io.worklane.work.Workflow;
import io.worklane.work.Workflow.StatusDraft;
import io.worklane.work.Workflow.TransitionDraft;
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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Admins configure the types of work: category, statuses, transitions and custom fields. Every form
 * carries the version of the type it was rendered from; a form submitted after someone else changed
 * the type is refused with the conflict message and changes nothing.
 */
@Controller
@RequestMapping("/t/{tenant}/admin/types")
class TypeAdminPages {

    private final WorkTypeManagement types;
    private final MessageSource messages;

    TypeAdminPages(WorkTypeManagement types, MessageSource messages) {
        this.types = types;
        this.messages = messages;
    }

    @GetMapping
    String list(@AuthenticationPrincipal WorklaneUser me, Model model) {
        model.addAttribute("types", types.types(me));
        addCategories(model);
        return "admin/types";
    }

    @PostMapping
    String add(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @RequestParam String name,
               @RequestParam String category, @RequestParam(required = false) String description,
               @RequestParam(defaultValue = "false") boolean requestable, RedirectAttributes flash) {
        Flash.attempt(flash, () -> types.create(me, new NewWorkType(name, category, description, requestable)),
                text("types.added", name));
        return "redirect:/t/" + tenant + "/admin/types";
    }

    @GetMapping("/{id}")
    String type(@AuthenticationPrincipal WorklaneUser me, @PathVariable UUID id, Model model) {
        model.addAttribute("type", types.type(me, id));
        addCategories(model);
        model.addAttribute("phases", StatusPhase.values());
        model.addAttribute("flows", StatusFlow.values());
        model.addAttribute("kinds", CustomFieldKind.values());
        model.addAttribute("roles", Role.values());
        return "admin/type";
    }

    @PostMapping("/{id}")
    String update(@PathVariable String tenant, @PathVariable UUID id, @AuthenticationPrincipal WorklaneUser me,
                  @RequestParam long version, @RequestParam String name, @RequestParam String category,
                  @RequestParam(required = false) String description,
                  @RequestParam(defaultValue = "false") boolean requestable, RedirectAttributes flash) {
        Flash.attempt(flash, () -> types.update(me, id,
                new WorkTypeChanges(name, category, description == null ? "" : description, requestable), version),
                text("types.saved"));
        return back(tenant, id);
    }

    // --- statuses ------------------------------------------------------------------------------------

    @PostMapping("/{id}/statuses")
    String addStatus(@PathVariable String tenant, @PathVariable UUID id, @AuthenticationPrincipal WorklaneUser me,
                     @RequestParam long version, @RequestParam String name, @RequestParam String phase,
                     @RequestParam String flow, RedirectAttributes flash) {
        return changeWorkflow(tenant, id, me, version, flash, text("types.status.added", name), workflow -> {
            List<StatusDraft> statuses = new ArrayList<>(workflow.statuses());
            statuses.add(new StatusDraft(null, name, phase, flow, false));
            return new Workflow(statuses, workflow.transitions());
        });
    }

    @PostMapping("/{id}/statuses/{status}")
    String changeStatus(@PathVariable String tenant, @PathVariable UUID id, @PathVariable UUID status,
                        @AuthenticationPrincipal WorklaneUser me, @RequestParam long version, @RequestParam String name,
                        @RequestParam String phase, @RequestParam String flow, RedirectAttributes flash) {
        return changeWorkflow(tenant, id, me, version, flash, text("types.saved"), workflow -> {
            String old = nameOf(workflow, status);
            List<StatusDraft> statuses = workflow.statuses().stream().map(s -> s.id().equals(status)
                    ? new StatusDraft(s.id(), name, phase, flow, s.initial()) : s).toList();
            // Transitions name their statuses, so a renamed status is renamed in them too.
            List<TransitionDraft> transitions = workflow.transitions().stream().map(t -> new TransitionDraft(
                    t.from().equalsIgnoreCase(old) ? name : t.from(), t.to().equalsIgnoreCase(old) ? name : t.to(),
                    t.name(), t.roles())).toList();
            return new Workflow(statuses, transitions);
        });
    }

    @PostMapping("/{id}/statuses/{status}/initial")
    String makeInitial(@PathVariable String tenant, @PathVariable UUID id, @PathVariable UUID status,
                       @AuthenticationPrincipal WorklaneUser me, @RequestParam long version, RedirectAttributes flash) {
        return changeWorkflow(tenant, id, me, version, flash, text("types.saved"), workflow -> new Workflow(
                workflow.statuses().stream().map(s -> new StatusDraft(s.id(), s.name(), s.phase(), s.flow(),
                        s.id().equals(status))).toList(), workflow.transitions()));
    }

    @PostMapping("/{id}/statuses/{status}/remove")
    String removeStatus(@PathVariable String tenant, @PathVariable UUID id, @PathVariable UUID status,
                        @AuthenticationPrincipal WorklaneUser me, @RequestParam long version, RedirectAttributes flash) {
        return changeWorkflow(tenant, id, me, version, flash, text("types.status.removed"), workflow -> {
            String name = nameOf(workflow, status);
            return new Workflow(workflow.statuses().stream().filter(s -> !s.id().equals(status)).toList(),
                    workflow.transitions().stream().filter(t -> !t.from().equalsIgnoreCase(name)
                            && !t.to().equalsIgnoreCase(name)).toList());
        });
    }

    // --- transitions ---------------------------------------------------------------------------------

    @PostMapping("/{id}/transitions")
    String addTransition(@PathVariable String tenant, @PathVariable UUID id, @AuthenticationPrincipal WorklaneUser me,
                         @RequestParam long version, @RequestParam UUID from, @RequestParam UUID to,
                         @RequestParam(required = false) String name, @RequestParam(required = false) List<String> roles,
                         RedirectAttributes flash) {
        return changeWorkflow(tenant, id, me, version, flash, text("types.transition.added"), workflow -> {
            List<TransitionDraft> transitions = new ArrayList<>(workflow.transitions());
            transitions.add(new TransitionDraft(nameOf(workflow, from), nameOf(workflow, to), name,
                    roles == null ? List.of() : roles));
            return new Workflow(workflow.statuses(), transitions);
        });
    }

    @PostMapping("/{id}/transitions/remove")
    String removeTransition(@PathVariable String tenant, @PathVariable UUID id, @AuthenticationPrincipal WorklaneUser me,
                            @RequestParam long version, @RequestParam UUID from, @RequestParam UUID to,
                            RedirectAttributes flash) {
        return changeWorkflow(tenant, id, me, version, flash, text("types.transition.removed"), workflow -> {
            String fromName = nameOf(workflow, from);
            String toName = nameOf(workflow, to);
            return new Workflow(workflow.statuses(), workflow.transitions().stream()
                    .filter(t -> !(t.from().equalsIgnoreCase(fromName) && t.to().equalsIgnoreCase(toName))).toList());
        });
    }

    // --- custom fields -------------------------------------------------------------------------------

    @PostMapping("/{id}/fields")
    String addField(@PathVariable String tenant, @PathVariable UUID id, @AuthenticationPrincipal WorklaneUser me,
                    @RequestParam long version, @RequestParam String key, @RequestParam String name,
                    @RequestParam String kind, @RequestParam(required = false) String options,
                    @RequestParam(defaultValue = "false") boolean required, RedirectAttributes flash) {
        List<String> lines = options == null ? List.of() : Arrays.stream(options.split("\\R"))
                .filter(line -> !line.isBlank()).toList();
        Flash.attempt(flash, () -> types.addField(me, id, new NewCustomField(key, name, kind, lines, required), version),
                text("types.field.added", name));
        return back(tenant, id);
    }

    @PostMapping("/{id}/fields/{key}/remove")
    String removeField(@PathVariable String tenant, @PathVariable UUID id, @PathVariable String key,
                       @AuthenticationPrincipal WorklaneUser me, @RequestParam long version, RedirectAttributes flash) {
        Flash.attempt(flash, () -> types.removeField(me, id, key, version), text("types.field.removed"));
        return back(tenant, id);
    }

    // --- helpers -------------------------------------------------------------------------------------

    /**
     * Applies one edit to the workflow the form was rendered from. The document is built from the type
     * at the form's version only; if the type has moved on since, the edit is refused as stale.
     */
    private String changeWorkflow(String tenant, UUID id, WorklaneUser me, long version, RedirectAttributes flash,
                                  String success, UnaryOperator<Workflow> edit) {
        Flash.attempt(flash, () -> {
            TypeDetails type = types.type(me, id);
            if (type.version() != version) {
                throw ApiProblem.staleVersion(type.version());
            }
            return types.replaceWorkflow(me, id, edit.apply(Workflow.of(type)), version);
        }, success);
        return back(tenant, id);
    }

    private static String nameOf(Workflow workflow, UUID status) {
        return workflow.statuses().stream().filter(s -> status.equals(s.id())).map(StatusDraft::name).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("This type has no such status (any more)."));
    }

    private void addCategories(Model model) {
        List<WorkCategory> categories = types.categories();
        model.addAttribute("categories", categories);
        Map<String, WorkCategory> byCode = categories.stream()
                .collect(Collectors.toMap(WorkCategory::code, c -> c));
        model.addAttribute("categoryByCode", byCode);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private static String back(String tenant, UUID id) {
        return "redirect:/t/" + tenant + "/admin/types/" + id;
    }
}
