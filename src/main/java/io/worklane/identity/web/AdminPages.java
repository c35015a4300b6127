package io.worklane.identity.web;

import io.worklane.identity.IdentityManagement;
import io.worklane.identity.NewTeam;
import io.worklane.identity.NewUser;
import io.worklane.identity.OrgChart;
import io.worklane.identity.Role;
import io.worklane.identity.TeamChanges;
import io.worklane.identity.User;
import io.worklane.identity.UserChanges;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.PageRequest;
import io.worklane.shared.TeamId;
import io.worklane.shared.UserId;
import io.worklane.shared.web.ApiProblem;
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

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Admins manage the people and teams of their organisation. */
@Controller
@RequestMapping("/t/{tenant}/admin")
class AdminPages {

    private final IdentityManagement identity;

    private final OrgChart orgChart;

    AdminPages(IdentityManagement identity, OrgChart orgChart) {
        this.orgChart = orgChart;
        this.identity = identity;
    }

    @GetMapping("/users")
    String users(@AuthenticationPrincipal WorklaneUser me, @RequestParam(required = false) String q,
                 @RequestParam(required = false) Integer page, Model model) {
        var users = identity.users(me, q, PageRequest.of(page, 50));
        model.addAttribute("users", users);
        // Managers are shown by e-mail address, as they are typed.
        model.addAttribute("managers", orgChart.people(users.items().stream().map(User::manager)
                .filter(java.util.Objects::nonNull).map(UserId::value).distinct().toList()).stream()
                .collect(java.util.stream.Collectors.toMap(OrgChart.Person::id, OrgChart.Person::email)));
        model.addAttribute("q", q);
        model.addAttribute("roles", Role.values());
        return "admin/users";
    }

    @PostMapping("/users")
    String addUser(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @RequestParam String email,
                   @RequestParam String name, @RequestParam(required = false) String password,
                   @RequestParam(required = false) List<Role> roles, RedirectAttributes flash) {
        Flash.attempt(flash, () -> identity.createUser(me, new NewUser(email, name, blankToNull(password), roleSet(roles))),
                "Added " + name + ".");
        return "redirect:/t/" + tenant + "/admin/users";
    }

    @PostMapping("/users/{id}")
    String updateUser(@PathVariable String tenant, @PathVariable UUID id, @AuthenticationPrincipal WorklaneUser me,
                      @RequestParam long version, @RequestParam(required = false) List<Role> roles,
                      @RequestParam(defaultValue = "false") boolean active, @RequestParam(required = false) String manager,
                      RedirectAttributes flash) {
        Flash.attempt(flash, () -> identity.updateUser(me, new UserId(id),
                        new UserChanges(null, roleSet(roles), active, null, manager == null ? null : manager.strip()), version),
                "Saved.");
        return "redirect:/t/" + tenant + "/admin/users";
    }

    @GetMapping("/teams")
    String teams(@AuthenticationPrincipal WorklaneUser me, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("teams", identity.teams(me, PageRequest.of(page, 50)));
        return "admin/teams";
    }

    @PostMapping("/teams")
    String addTeam(@PathVariable String tenant, @AuthenticationPrincipal WorklaneUser me, @RequestParam String key,
                   @RequestParam String name, @RequestParam(required = false) String description, RedirectAttributes flash) {
        Flash.attempt(flash, () -> identity.createTeam(me, new NewTeam(key.strip().toUpperCase(), name, description)),
                "Added team " + name + ".");
        return "redirect:/t/" + tenant + "/admin/teams";
    }

    @GetMapping("/teams/{id}")
    String team(@AuthenticationPrincipal WorklaneUser me, @PathVariable UUID id, Model model) {
        model.addAttribute("team", identity.team(me, new TeamId(id)));
        model.addAttribute("members", identity.members(me, new TeamId(id)));
        return "admin/team";
    }

    @PostMapping("/teams/{id}")
    String updateTeam(@PathVariable String tenant, @PathVariable UUID id, @AuthenticationPrincipal WorklaneUser me,
                      @RequestParam long version, @RequestParam String name, @RequestParam(required = false) String description,
                      RedirectAttributes flash) {
        Flash.attempt(flash, () -> identity.updateTeam(me, new TeamId(id), new TeamChanges(name, description), version), "Saved.");
        return "redirect:/t/" + tenant + "/admin/teams/" + id;
    }

    @PostMapping("/teams/{id}/delete")
    String deleteTeam(@PathVariable String tenant, @PathVariable UUID id, @AuthenticationPrincipal WorklaneUser me,
                      RedirectAttributes flash) {
        Flash.attempt(flash, () -> identity.deleteTeam(me, new TeamId(id)), "Deleted the team.");
        return "redirect:/t/" + tenant + "/admin/teams";
    }

    @PostMapping("/teams/{id}/members")
    String addMember(@PathVariable String tenant, @PathVariable UUID id, @AuthenticationPrincipal WorklaneUser me,
                     @RequestParam String email, RedirectAttributes flash) {
        Flash.attempt(flash, () -> {
            User user = identity.users(me, email, PageRequest.of(0, 20)).items().stream()
                    .filter(candidate -> candidate.email().equalsIgnoreCase(email.strip()))
                    .findFirst()
                    .orElseThrow(() -> ApiProblem.invalidField("email", "is not the address of anyone in this organisation"));
            identity.addMember(me, new TeamId(id), user.id());
        }, "Added " + email + ".");
        return "redirect:/t/" + tenant + "/admin/teams/" + id;
    }

    @PostMapping("/teams/{id}/members/{userId}/remove")
    String removeMember(@PathVariable String tenant, @PathVariable UUID id, @PathVariable UUID userId,
                        @AuthenticationPrincipal WorklaneUser me, RedirectAttributes flash) {
        Flash.attempt(flash, () -> identity.removeMember(me, new TeamId(id), new UserId(userId)), "Removed.");
        return "redirect:/t/" + tenant + "/admin/teams/" + id;
    }

    private static Set<Role> roleSet(List<Role> roles) {
        return roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
