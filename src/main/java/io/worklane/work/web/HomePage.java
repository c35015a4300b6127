package io.worklane.work.web;

import io.worklane.identity.IdentityManagement;
import io.worklane.identity.WorklaneUser;
import io.worklane.work.WorkCategories;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A tenant's home page: who you are, your teams, and the four types of work. */
@Controller
class HomePage {

    private final IdentityManagement identity;
    private final WorkCategories categories;

    HomePage(IdentityManagement identity, WorkCategories categories) {
        this.identity = identity;
        this.categories = categories;
    }

    @GetMapping({"/t/{tenant}", "/t/{tenant}/"})
    String home(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, Model model) {
        model.addAttribute("teams", identity.myTeams(me));
        model.addAttribute("categories", categories.all());
        return "home";
    }
}
