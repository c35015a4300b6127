package io.worklane.identity.web;

import io.worklane.identity.WorklaneUser;
import io.worklane.tenancy.Tenant;
import io.worklane.tenancy.TenantContext;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every tenant page's layout shows: the signed-in person and their organisation. */
@ControllerAdvice(annotations = Controller.class)
class TenantPageModel {

    @ModelAttribute("me")
    WorklaneUser me(@AuthenticationPrincipal Object principal) {
        return principal instanceof WorklaneUser user ? user : null;
    }

    @ModelAttribute("tenantName")
    String tenantName() {
        return TenantContext.current().map(Tenant::name).orElse(null);
    }
}
