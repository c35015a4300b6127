package io.worklane.tenancy.web;

import io.worklane.shared.PageRequest;
import io.worklane.shared.web.Flash;
import io.worklane.tenancy.FirstAdmin;
import io.worklane.tenancy.StampTenant;
import io.worklane.tenancy.TenantManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator's page: every tenant, its state, and stamping, suspending and resuming. */
@Controller
class OperatorPages {

    private final TenantManagement tenants;

    OperatorPages(TenantManagement tenants) {
        this.tenants = tenants;
    }

    @GetMapping("/operator/login")
    String signIn() {
        return "operator/login";
    }

    @GetMapping({"/operator", "/operator/"})
    String tenants(@RequestParam(required = false) Integer page, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("tenants", tenants.list(PageRequest.of(page, 100), q).map(TenantView::of));
        model.addAttribute("q", q == null ? "" : q.strip());
        return "operator/tenants";
    }

    @PostMapping("/operator/tenants")
    String stamp(@RequestParam String slug, @RequestParam String name, @RequestParam String adminEmail,
                 @RequestParam String adminName, @RequestParam String adminPassword, RedirectAttributes flash) {
        Flash.attempt(flash, () -> tenants.stamp(new StampTenant(slug, name, new FirstAdmin(adminEmail, adminName, adminPassword))),
                "Stamped " + name + " at /t/" + slug + "/.");
        return "redirect:/operator";
    }

    @PostMapping("/operator/tenants/{slug}/suspend")
    String suspend(@PathVariable String slug, @RequestParam String reason, @RequestParam long version, RedirectAttributes flash) {
        Flash.attempt(flash, () -> tenants.suspend(slug, reason, version), "Suspended " + slug + ".");
        return "redirect:/operator";
    }

    @PostMapping("/operator/tenants/{slug}/resume")
    String resume(@PathVariable String slug, @RequestParam long version, RedirectAttributes flash) {
        Flash.attempt(flash, () -> tenants.resume(slug, version), "Resumed " + slug + ".");
        return "redirect:/operator";
    }
}
