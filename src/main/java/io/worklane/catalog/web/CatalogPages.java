package io.worklane.catalog.web;

import io.worklane.catalog.CatalogManagement;
import io.worklane.catalog.FieldKind;
import io.worklane.catalog.FormField;
import io.worklane.catalog.Offering;
import io.worklane.catalog.RequestWatch;
import io.worklane.catalog.ServiceRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.shared.web.FieldError;
import io.worklane.shared.web.Flash;
import io.worklane.shared.Markdown;
import io.worklane.work.Comment;
import io.worklane.work.ItemComments;
import io.worklane.work.WorkOverview;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The requester's portal: the catalog to browse and search, an offering's order form, and "my
 * requests" with where each stands. The form posts back here; a mistake shows the form again with
 * each field's problem beside it.
 */
@Controller
class CatalogPages {

    private final CatalogManagement catalog;
    private final RequestWatch watch;
    private final WorkOverview overview;
    private final ItemComments comments;

    CatalogPages(CatalogManagement catalog, RequestWatch watch, WorkOverview overview, ItemComments comments) {
        this.catalog = catalog;
        this.watch = watch;
        this.overview = overview;
        this.comments = comments;
    }

    /** The order form: the offering, what was typed (or the defaults), the errors by field key, and a retry key. */
    record OrderView(Offering offering, Map<String, String> values, Map<String, String> errors, String error,
                     String orderKey) {

        /** Whether a field starts shown: it has no condition, or its condition holds for the current values. */
        public boolean shown(FormField field) {
            if (field.visibleWhen() == null) {
                return true;
            }
            String value = values.get(field.visibleWhen().field());
            return String.valueOf(field.visibleWhen().equals()).equals(value == null ? "false" : value);
        }
    }

    /** A message of the conversation, with its Markdown rendered and sanitised. */
    record Message(Comment comment, String html) {
    }

    @GetMapping("/t/{tenant}/catalog")
    String catalog(@AuthenticationPrincipal WorklaneUser me, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("offerings", catalog.offerings(me, q));
        model.addAttribute("q", q == null ? "" : q);
        return "catalog/list";
    }

    @GetMapping("/t/{tenant}/catalog/{key}")
    String offering(@AuthenticationPrincipal WorklaneUser me, @PathVariable String key, Model model) {
        Offering offering = catalog.offering(me, key);
        Map<String, String> values = new LinkedHashMap<>();
        for (FormField field : offering.form()) {
            if (field.defaultValue() != null) {
                values.put(field.key(), String.valueOf(field.defaultValue()));
            }
        }
        model.addAttribute("view", new OrderView(offering, values, Map.of(), null, UUID.randomUUID().toString()));
        return "catalog/order";
    }

    @PostMapping("/t/{tenant}/catalog/{key}")
    String order(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable String key,
                 @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes flash,
                 HttpServletResponse response) {
        Offering offering = catalog.offering(me, key);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Object> answers = new LinkedHashMap<>();
        for (FormField field : offering.form()) {
            String value = form.getFirst("answer." + field.key());
            if (field.kind() == FieldKind.CHECKBOX) {
                boolean ticked = value != null;
                values.put(field.key(), Boolean.toString(ticked));
                answers.put(field.key(), ticked);
            } else if (value != null && !value.isBlank()) {
                values.put(field.key(), value);
                // People are typed by e-mail address here; the form takes their id.
                answers.put(field.key(), field.kind() == FieldKind.USER
                        ? overview.person(value.strip()).map(person -> (Object) person.id().toString()).orElse(value) : value);
            }
        }
        // The form's own key makes a double click, or a reload of the POST, order once.
        String orderKey = form.getFirst("orderKey");
        try {
            ServiceRequest request = catalog.order(me, key, answers, orderKey == null || orderKey.isBlank() ? null : orderKey);
            flash.addFlashAttribute("ok", request.offering().name() + " ordered: " + request.item() + ".");
            return "redirect:/t/" + tenant + "/requests";
        } catch (ApiProblem problem) {
            if (problem.status().is5xxServerError()) {
                throw problem;
            }
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldError error : problem.errors()) {
                String field = error.field().replaceFirst("^answers\\.", "");
                boolean person = offering.form().stream().anyMatch(f -> f.key().equals(field) && f.kind() == FieldKind.USER);
                errors.putIfAbsent(field, person && values.containsKey(field)
                        ? "there is no one with the e-mail address " + values.get(field) : error.message());
            }
            response.setStatus(problem.status().value() == 400 ? 422 : problem.status().value());
            model.addAttribute("view", new OrderView(offering, values, errors, errors.isEmpty() ? problem.getMessage() : null,
                    orderKey));
            return "catalog/order";
        }
    }

    @GetMapping("/t/{tenant}/requests/{id}")
    String request(@AuthenticationPrincipal WorklaneUser me, @PathVariable UUID id, Model model) {
        ServiceRequest request = catalog.request(me, id);
        model.addAttribute("request", request);
        // The conversation with the fulfillers is the comments of the request's item.
        model.addAttribute("comments", comments.of(me, request.item()).stream()
                .map(c -> new Message(c, Markdown.toSafeHtml(c.body()))).toList());
        return "catalog/request";
    }

    @PostMapping("/t/{tenant}/requests/{id}/comments")
    String comment(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable UUID id,
                   @RequestParam(required = false) String body, RedirectAttributes flash) {
        ServiceRequest request = catalog.request(me, id);
        Flash.attempt(flash, () -> comments.add(me, request.item(), body), "Message sent.");
        return "redirect:/t/" + tenant + "/requests/" + id + "#conversation";
    }

    /** The live stream of the viewer's own requests: a {@code changed} event whenever one moves. */
    @GetMapping(path = "/t/{tenant}/requests/events", produces = "text/event-stream")
    @ResponseBody
    ResponseEntity<SseEmitter> myEvents(@AuthenticationPrincipal WorklaneUser me,
                                        @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return watch.watchMine(me, lastEventId);
    }

    /** The request's live stream (server-sent events): a {@code changed} event whenever it moves. */
    @GetMapping(path = "/t/{tenant}/requests/{id}/events", produces = "text/event-stream")
    @ResponseBody
    ResponseEntity<SseEmitter> events(@AuthenticationPrincipal WorklaneUser me, @PathVariable UUID id,
                                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return watch.watch(me, id, lastEventId);
    }

    /** The receipt, printable: a page without the app's navigation, for paper or PDF. */
    @GetMapping("/t/{tenant}/requests/{id}/receipt")
    String receipt(@AuthenticationPrincipal WorklaneUser me, @PathVariable UUID id, Model model) {
        model.addAttribute("receipt", catalog.receipt(me, id));
        return "catalog/receipt";
    }

    @PostMapping("/t/{tenant}/requests/{id}/steps/{step}/complete")
    String completeStep(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable UUID id,
                        @PathVariable String step, @RequestParam(required = false) String note, RedirectAttributes flash) {
        Flash.attempt(flash, () -> catalog.completeStep(me, id, step, note), "Step " + step + " done.");
        return "redirect:/t/" + tenant + "/requests/" + id;
    }

    @PostMapping("/t/{tenant}/requests/{id}/steps/{step}/retry")
    String retryStep(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable UUID id,
                     @PathVariable String step, RedirectAttributes flash) {
        Flash.attempt(flash, () -> catalog.retryStep(me, id, step), "Trying " + step + " again.");
        return "redirect:/t/" + tenant + "/requests/" + id;
    }

    @PostMapping("/t/{tenant}/requests/{id}/steps/{step}/skip")
    String skipStep(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable UUID id,
                    @PathVariable String step, @RequestParam(required = false) String reason, RedirectAttributes flash) {
        Flash.attempt(flash, () -> catalog.skipStep(me, id, step, reason), "Skipped " + step + ".");
        return "redirect:/t/" + tenant + "/requests/" + id;
    }

    @GetMapping("/t/{tenant}/requests")
    String myRequests(@AuthenticationPrincipal WorklaneUser me, Model model) {
        List<ServiceRequest> requests = catalog.myRequests(me);
        model.addAttribute("requests", requests);
        return "catalog/requests";
    }
}
