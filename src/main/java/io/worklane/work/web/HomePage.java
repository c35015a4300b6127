package io.worklane.work.web;

import io.worklane.identity.IdentityManagement;
import io.worklane.identity.WorklaneUser;
import io.worklane.work.SavedFilter;
import io.worklane.work.SavedFilterManagement;
import io.worklane.work.WorkCategories;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A tenant's home page: who you are, your teams, the filters shared with everyone, and the four types of work. */
@Controller
class HomePage {

    private static final int SHARED_FILTERS = 10;

    private final IdentityManagement identity;
    private final WorkCategories categories;
    private final SavedFilterManagement filters;

    HomePage(IdentityManagement identity, WorkCategories categories, SavedFilterManagement filters) {
        this.identity = identity;
        this.categories = categories;
        this.filters = filters;
    }

    @GetMapping({"/t/{tenant}", "/t/{tenant}/"})
    String home(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, Model model) {
        model.addAttribute("teams", identity.myTeams(me));
        model.addAttribute("categories", categories.all());
        model.addAttribute("sharedFilters", SavedFilterView.of(filters.visible(me).stream()
                .filter(SavedFilter::shared).limit(SHARED_FILTERS).toList(), me));
        return "home";
    }
}
