package io.worklane.identity.web;

import io.worklane.tenancy.TenantContext;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The sign-in page of one tenant. The form posts to Spring Security's login processing. */
@Controller
class SignInPage {

    @GetMapping("/t/{tenant}/login")
    String signIn(@PathVariable String tenant, Model model) {
        model.addAttribute("slug", TenantContext.require().slug());
        return "login";
    }
}
