package io.worklane.sla.web;

import io.worklane.identity.WorklaneUser;
import io.worklane.sla.SlaClocks;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.Arrays;
import java.util.List;

/** The item page's service-level panel, fetched by the page and kept current. */
@Controller
class SlaPages {

    private final SlaClocks clocks;

    SlaPages(SlaClocks clocks) {
        this.clocks = clocks;
    }

    /** The SLA badges of a page of items (keys comma-separated), for the list's script. */
    @GetMapping(path = "/t/{tenant}/sla/badges", produces = "application/json")
    @ResponseBody
    List<SlaClocks.Badge> badges(@AuthenticationPrincipal WorklaneUser me, @RequestParam(defaultValue = "") String items) {
        return clocks.badges(me, Arrays.stream(items.split(",")).map(String::strip).filter(k -> !k.isEmpty()).toList());
    }

    @GetMapping("/t/{tenant}/items/{key}/sla-panel")
    String panel(@AuthenticationPrincipal WorklaneUser me, @PathVariable String key, Model model) {
        model.addAttribute("clocks", clocks.clocks(me, key));
        return "sla/panel :: panel";
    }
}
