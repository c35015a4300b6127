package io.worklane.identity.web;

import io.worklane.identity.IdentityManagement;
import io.worklane.identity.IssuedToken;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/** Everyone manages their own API tokens: create (secret shown once), see when used, revoke. */
@Controller
@RequestMapping("/t/{tenant}/tokens")
class TokenPages {

    private final IdentityManagement identity;
    private final Clock clock;

    TokenPages(IdentityManagement identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    @GetMapping
    String tokens(@AuthenticationPrincipal WorklaneUser me, Model model) {
        model.addAttribute("tokens", identity.tokens(me));
        model.addAttribute("now", clock.instant());
        return "tokens";
    }

    @PostMapping
    String issue(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @RequestParam String name,
                 @RequestParam(required = false) LocalDate expiresOn, RedirectAttributes flash) {
        Instant expiresAt = expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        IssuedToken issued = Flash.attempt(flash, () -> identity.issueToken(me, name, expiresAt),
                "Created the token '" + name + "'. Copy it now: it will not be shown again.");
        if (issued != null) {
            flash.addFlashAttribute("secret", issued.secret());
        }
        return "redirect:/t/" + tenant + "/tokens";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable String tenant, @PathVariable UUID id, @AuthenticationPrincipal WorklaneUser me,
                  RedirectAttributes flash) {
        Flash.attempt(flash, () -> identity.revokeToken(me, id), "Revoked the token.");
        return "redirect:/t/" + tenant + "/tokens";
    }
}
