package io.worklane.work.web;

import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.work.Comment;
import io.worklane.work.ItemComments;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/**
 * The conversation on an item page: a new comment is appended to the timeline without a reload (or,
 * without JavaScript, posted and redirected back); its author edits or deletes it in place.
 */
@Controller
@RequestMapping("/t/{tenant}/items/{key}/comments")
class ItemCommentFragments {

    private final ItemComments comments;
    private final MessageSource messages;

    ItemCommentFragments(ItemComments comments, MessageSource messages) {
        this.comments = comments;
        this.messages = messages;
    }

    @PostMapping
    String add(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable String key,
               @RequestParam(required = false) String body,
               @RequestHeader(value = "HX-Request", required = false) String htmx,
               Model model, RedirectAttributes flash, HttpServletResponse response) {
        try {
            Comment comment = comments.add(me, key, body);
            if (htmx == null) {
                flash.addFlashAttribute("ok", text("comment.added"));
                return "redirect:/t/" + tenant + "/items/" + key;
            }
            model.addAttribute("entry", TimelineEntry.comment(comment, true));
            model.addAttribute("key", key.strip().toUpperCase());
            return "items/item :: comment";
        } catch (ApiProblem problem) {
            if (problem.status().is5xxServerError() || problem.status().value() == 404) {
                throw problem;
            }
            if (htmx == null) {
                flash.addFlashAttribute("error", problem.errorOn("body").map(m -> text("comment.refused", m))
                        .orElse(problem.getMessage()));
                return "redirect:/t/" + tenant + "/items/" + key;
            }
            response.setStatus(422);
            response.setHeader("HX-Retarget", "#comment-error");
            response.setHeader("HX-Reswap", "outerHTML");
            model.addAttribute("commentError", problem.errorOn("body").map(m -> text("comment.refused", m))
                    .orElse(problem.getMessage()));
            return "items/item :: commentError";
        }
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal WorklaneUser me, @PathVariable String key, @PathVariable UUID id, Model model) {
        Comment comment = comments.of(me, key).stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound(text("comment.gone")));
        model.addAttribute("entry", TimelineEntry.comment(comment, ItemPageView.mayChange(comment, me)));
        model.addAttribute("key", key.strip().toUpperCase());
        return "items/item :: comment";
    }

    @GetMapping("/{id}/edit")
    String edit(@AuthenticationPrincipal WorklaneUser me, @PathVariable String key, @PathVariable UUID id, Model model) {
        Comment comment = comments.of(me, key).stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound(text("comment.gone")));
        model.addAttribute("commentEdit", new CommentEdit(key.strip().toUpperCase(), id, comment.body(), comment.version(), null));
        return "items/item :: commentEdit";
    }

    @PostMapping("/{id}")
    String save(@AuthenticationPrincipal WorklaneUser me, @PathVariable String key, @PathVariable UUID id,
                @RequestParam(required = false) String body, @RequestParam long version, Model model,
                HttpServletResponse response) {
        try {
            Comment comment = comments.edit(me, key, id, body, version);
            model.addAttribute("entry", TimelineEntry.comment(comment, true));
            model.addAttribute("key", key.strip().toUpperCase());
            return "items/item :: comment";
        } catch (ApiProblem problem) {
            if (problem.status().is5xxServerError() || problem.status().value() == 403 || problem.status().value() == 404) {
                throw problem;
            }
            response.setStatus(problem.status().value() == 409 ? 409 : 422);
            model.addAttribute("commentEdit", new CommentEdit(key.strip().toUpperCase(), id, body, version,
                    problem.errorOn("body").map(m -> text("comment.refused", m)).orElse(problem.getMessage())));
            return "items/item :: commentEdit";
        }
    }

    /** Deletes the comment; the empty answer replaces it on the page. */
    @PostMapping("/{id}/delete")
    @ResponseBody
    String delete(@AuthenticationPrincipal WorklaneUser me, @PathVariable String key, @PathVariable UUID id,
                  @RequestParam(required = false) Long version) {
        comments.delete(me, key, id, version);
        return "";
    }

    /** A comment being edited: its text, its version, and why the last save was refused. */
    record CommentEdit(String key, UUID id, String body, long version, String error) {
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
