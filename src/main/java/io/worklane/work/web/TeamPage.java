package io.worklane.work.web;

import io.worklane.identity.WorklaneUser;
import io.worklane.shared.web.ApiProblem;
import io.worklane.work.ItemPage;
import io.worklane.work.TeamOverview;
import io.worklane.work.WorkOverview;
import io.worklane.work.WorkSearch;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.List;

/** A team's page: who it is, who is in it, and its open work. */
@Controller
class TeamPage {

    private final WorkOverview overview;
    private final WorkSearch search;

    TeamPage(WorkOverview overview, WorkSearch search) {
        this.overview = overview;
        this.search = search;
    }

    /** What the team page shows; {@code error} when its query could not run (its list is then empty). */
    record TeamView(TeamOverview team, String q, String listUrl, List<io.worklane.work.ItemSummary> items,
                    String error) {
    }

    @GetMapping("/t/{tenant}/teams/{key}")
    String team(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @PathVariable String key,
                Model model) {
        TeamOverview team = overview.team(me, key);
        String q = "team = " + team.team().key() + " AND statusCategory != done";
        List<io.worklane.work.ItemSummary> items = List.of();
        String error = null;
        try {
            ItemPage page = search.find(me, q, null, WorkSearch.DEFAULT_LIMIT);
            items = page.items();
        } catch (ApiProblem problem) {
            if (problem.status().is5xxServerError()) {
                throw problem;
            }
            error = problem.errorOn("q").orElse(problem.getMessage());
        }
        model.addAttribute("view", new TeamView(team, q, ItemListPage.listUrl(tenant, q), items, error));
        return "teams/team";
    }
}
