package io.worklane.catalog.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.worklane.approval.ApprovalPolicy;
import io.worklane.catalog.CatalogManagement;
import io.worklane.catalog.Entitlement;
import io.worklane.catalog.FormField;
import io.worklane.catalog.Offering;
import io.worklane.catalog.OfferingDefinition;
import io.worklane.fulfilment.FulfilmentPlan;
import io.worklane.identity.Role;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.shared.web.FieldError;
import io.worklane.shared.web.Flash;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Admins define the catalog here: every offering (archived ones too) and an editor for one. The
 * simple parts are fields; the form, the approval policy and the fulfilment plan are JSON, exactly
 * as the API takes them (docs in the README), each checked as a whole with every mistake named beside
 * its part. A save is the offering's next version; saving over a newer one is refused.
 */
@Controller
class CatalogAdminPages {

    private static final TypeReference<List<FormField>> FORM = new TypeReference<>() {
    };

    private final CatalogManagement catalog;
    private final JsonMapper json;
    private final JsonMapper pretty;

    CatalogAdminPages(CatalogManagement catalog, JsonMapper json) {
        this.catalog = catalog;
        this.json = json;
        this.pretty = json.rebuild()
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT).build();
    }

    /** The editor: what is typed, and the problems by part (name, form, approval, fulfilment, …). */
    record Editor(boolean creating, String key, Integer version, String name, String category, String icon, String team,
                  String description, String serviceLevel, Set<String> roles, String teams, String form, String approval,
                  String fulfilment, Map<String, List<String>> errors, String error) {

        public List<String> errorsOf(String part) {
            return errors.getOrDefault(part, List.of());
        }
    }

    @GetMapping("/t/{tenant}/admin/catalog")
    String list(@AuthenticationPrincipal WorklaneUser me, Model model) {
        model.addAttribute("offerings", catalog.allOfferings(me));
        return "catalog/admin-list";
    }

    @GetMapping("/t/{tenant}/admin/catalog/new")
    String blank(Model model) {
        model.addAttribute("editor", new Editor(true, "", null, "", "", "box", "OPS", "", "", Set.of(), "",
                "[\n  {\"key\": \"reason\", \"label\": \"Why you need it\", \"kind\": \"text\", \"required\": true}\n]",
                "{\"stages\": []}", "{\"steps\": []}", Map.of(), null));
        return "catalog/admin-edit";
    }

    @GetMapping("/t/{tenant}/admin/catalog/{key}")
    String edit(@AuthenticationPrincipal WorklaneUser me, @PathVariable String key, Model model) {
        Offering o = catalog.offering(me, key);
        model.addAttribute("editor", new Editor(false, o.key(), o.version(), o.name(), o.category(), o.icon(), o.team().key(),
                o.description(), o.serviceLevel() == null ? "" : o.serviceLevel(),
                o.entitlement().roles().stream().map(Role::code).collect(Collectors.toSet()),
                String.join(", ", o.entitlement().teams()), pretty.writeValueAsString(o.form()),
                pretty.writeValueAsString(o.approval() == null ? ApprovalPolicy.NONE : o.approval()),
                pretty.writeValueAsString(o.fulfilment() == null ? FulfilmentPlan.NONE : o.fulfilment()), Map.of(), null));
        return "catalog/admin-edit";
    }

    @PostMapping({"/t/{tenant}/admin/catalog", "/t/{tenant}/admin/catalog/{key}"})
    String save(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me,
                @PathVariable(required = false) String key, @RequestParam Map<String, String> fields,
                @RequestParam(name = "roles", required = false) List<String> roles, Model model,
                RedirectAttributes flash, HttpServletResponse response) {
        boolean creating = key == null;
        Editor typed = new Editor(creating, creating ? fields.getOrDefault("key", "") : key, version(fields.get("version")),
                fields.getOrDefault("name", ""), fields.getOrDefault("category", ""), fields.getOrDefault("icon", ""),
                fields.getOrDefault("team", ""), fields.getOrDefault("description", ""),
                fields.getOrDefault("serviceLevel", ""), roles == null ? Set.of() : Set.copyOf(roles),
                fields.getOrDefault("teams", ""), fields.getOrDefault("form", "[]"), fields.getOrDefault("approval", "{}"),
                fields.getOrDefault("fulfilment", "{}"), Map.of(), null);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        List<FormField> form = parse(typed.form(), "form", FORM, errors);
        ApprovalPolicy approval = parse(typed.approval(), "approval", new TypeReference<>() {
        }, errors);
        FulfilmentPlan plan = parse(typed.fulfilment(), "fulfilment", new TypeReference<>() {
        }, errors);
        if (errors.isEmpty()) {
            OfferingDefinition definition = new OfferingDefinition(typed.key(), typed.name(), typed.description(),
                    typed.category(), typed.icon(), typed.team(), new Entitlement(roleSet(typed.roles()), teamSet(typed.teams())),
                    form, typed.serviceLevel(), approval, plan);
            try {
                Offering saved = creating ? catalog.create(me, definition)
                        : catalog.update(me, key, definition, typed.version() == null ? null : typed.version().longValue());
                flash.addFlashAttribute("ok", "Saved " + saved.name() + " as version " + saved.version() + ".");
                return "redirect:/t/" + tenant + "/admin/catalog";
            } catch (ApiProblem problem) {
                if (problem.status().is5xxServerError()) {
                    throw problem;
                }
                response.setStatus(problem.status().value() == 400 ? 422 : problem.status().value());
                for (FieldError error : problem.errors()) {
                    errors.computeIfAbsent(part(error.field()), p -> new ArrayList<>()).add(error.field() + ": " + error.message());
                }
                model.addAttribute("editor", withErrors(typed, errors, problem.errors().isEmpty() ? problem.getMessage() : null));
                return "catalog/admin-edit";
            }
        }
        response.setStatus(422);
        model.addAttribute("editor", withErrors(typed, errors, null));
        return "catalog/admin-edit";
    }

    @PostMapping("/t/{tenant}/admin/catalog/{key}/archive")
    String archive(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable String key,
                   @RequestParam boolean archived, RedirectAttributes flash) {
        Flash.attempt(flash, () -> catalog.archive(me, key, archived), archived ? "Archived." : "Back in the catalog.");
        return "redirect:/t/" + tenant + "/admin/catalog";
    }

    private <T> T parse(String text, String part, TypeReference<T> type, Map<String, List<String>> errors) {
        try {
            return json.readValue(text == null || text.isBlank() ? ("form".equals(part) ? "[]" : "{}") : text, type);
        } catch (JacksonException e) {
            errors.computeIfAbsent(part, p -> new ArrayList<>()).add("not valid here: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
            return null;
        }
    }

    /** The part of the editor a problem belongs to: the first name of its field ({@code approval.stages[0]} → approval). */
    private static String part(String field) {
        String first = field.split("[.\\[]", 2)[0];
        return switch (first) {
            case "form", "approval", "fulfilment", "entitlement" -> first;
            default -> "fields";
        };
    }

    private static Editor withErrors(Editor e, Map<String, List<String>> errors, String error) {
        return new Editor(e.creating(), e.key(), e.version(), e.name(), e.category(), e.icon(), e.team(), e.description(),
                e.serviceLevel(), e.roles(), e.teams(), e.form(), e.approval(), e.fulfilment(), errors, error);
    }

    private static Integer version(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Set<Role> roleSet(Set<String> codes) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        codes.stream().flatMap(code -> Arrays.stream(Role.values()).filter(r -> r.code().equals(code))).forEach(roles::add);
        return roles;
    }

    private static Set<String> teamSet(String text) {
        return Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(t -> !t.isEmpty()).collect(Collectors.toSet());
    }
}
