package io.worklane.sla.web;

import io.worklane.identity.WorklaneUser;
import io.worklane.sla.SlaClocks;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The item page's service-level panel, fetched by the page and kept current. */
@Controller
class SlaPages {

    private final SlaClocks clocks;

    SlaPages(SlaClocks clocks) {
        this.clocks = clocks;
    }

    @GetMapping("/t/{tenant}/items/{key}/sla-panel")
    String panel(@AuthenticationPrincipal WorklaneUser me, @PathVariable String key, Model model) {
        model.addAttribute("clocks", clocks.clocks(me, key));
        return "sla/panel :: panel";
    }
}
