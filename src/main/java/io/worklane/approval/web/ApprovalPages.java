package io.worklane.approval.web;

import io.worklane.approval.Approvals;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
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

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Approvers' pages: what waits on me (and on those I stand in for), one approval with its decision
 * form, delegating while away, and the page a decision link opens, which needs no sign-in: it shows
 * what is decided, and decides only when its button is pressed (a mail scanner that follows links
 * decides nothing).
 */
@Controller
class ApprovalPages {

    private final Approvals approvals;

    ApprovalPages(Approvals approvals) {
        this.approvals = approvals;
    }

    @GetMapping("/t/{tenant}/approvals")
    String waiting(@AuthenticationPrincipal WorklaneUser me, Model model) {
        model.addAttribute("waiting", approvals.waitingFor(me));
        model.addAttribute("decided", approvals.decidedBy(me));
        model.addAttribute("delegations", approvals.delegations(me));
        return "approvals/list";
    }

    @GetMapping("/t/{tenant}/approvals/{id}")
    String approval(@AuthenticationPrincipal WorklaneUser me, @PathVariable UUID id, Model model) {
        model.addAttribute("approval", approvals.approval(me, id));
        return "approvals/approval";
    }

    @PostMapping("/t/{tenant}/approvals/{id}/decision")
    String decide(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable UUID id,
                  @RequestParam(required = false) String decision, @RequestParam(required = false) String comment,
                  RedirectAttributes flash) {
        Flash.attempt(flash, () -> approvals.decide(me, id, decision, comment, "web"),
                "approve".equals(decision) ? "Approved." : "Rejected.");
        return "redirect:/t/" + tenant + "/approvals/" + id;
    }

    @PostMapping("/t/{tenant}/approvals/delegations")
    String delegate(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me,
                    @RequestParam(required = false) String delegate, @RequestParam(required = false) LocalDate until,
                    RedirectAttributes flash) {
        Flash.attempt(flash, () -> approvals.delegate(me, delegate, null,
                        until == null || until.getYear() > 9000 ? null : until.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()),
                "Your approvals go to " + delegate + " until the end of " + until + ".");
        return "redirect:/t/" + tenant + "/approvals";
    }

    @PostMapping("/t/{tenant}/approvals/delegations/{id}/end")
    String endDelegation(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable UUID id,
                         RedirectAttributes flash) {
        Flash.attempt(flash, () -> approvals.endDelegation(me, id), "Delegation ended.");
        return "redirect:/t/" + tenant + "/approvals";
    }

    // --- decision links (no sign-in) -------------------------------------------------------------

    @GetMapping("/t/{tenant}/approvals/link/{token}")
    String link(@PathVariable String tenant, @PathVariable String token, Model model, HttpServletResponse response) {
        model.addAttribute("action", "/t/" + tenant + "/approvals/link/" + token);
        try {
            model.addAttribute("link", approvals.link(token));
        } catch (ApiProblem problem) {
            response.setStatus(problem.status().value());
            model.addAttribute("problem", problem.getMessage());
        }
        return "approvals/link";
    }

    @PostMapping("/t/{tenant}/approvals/link/{token}")
    String useLink(@PathVariable String tenant, @PathVariable String token, @RequestParam(required = false) String comment,
                   Model model, HttpServletResponse response) {
        model.addAttribute("action", "/t/" + tenant + "/approvals/link/" + token);
        try {
            model.addAttribute("link", approvals.decideByLink(token, comment));
            model.addAttribute("done", true);
        } catch (ApiProblem problem) {
            response.setStatus(problem.status().value() == 400 ? 422 : problem.status().value());
            model.addAttribute("problem", problem.getMessage());
            try {
                model.addAttribute("link", approvals.link(token));
            } catch (ApiProblem ignored) {
                // The link itself is not valid: the problem says so.
            }
            model.addAttribute("comment", comment);
        }
        return "approvals/link";
    }
}
