package io.worklane.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.worklane.identity.ApiToken;
import io.worklane.identity.IdentityManagement;
import io.worklane.identity.IssuedToken;
import io.worklane.identity.NewTeam;
import io.worklane.identity.NewUser;
import io.worklane.identity.Profile;
import io.worklane.identity.Role;
import io.worklane.identity.Team;
import io.worklane.identity.TeamChanges;
import io.worklane.identity.TeamMember;
import io.worklane.identity.User;
import io.worklane.identity.UserChanges;
import io.worklane.identity.WorklaneUser;
import io.worklane.shared.Page;
import io.worklane.shared.PageRequest;
import io.worklane.shared.TeamId;
import io.worklane.shared.UserId;
import io.worklane.shared.web.Versions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The tenant API for people, teams and one's own API tokens. */
@RestController
@RequestMapping(path = "/t/{tenant}/api/v1", produces = "application/json")
@Tag(name = "Identity", description = "People, teams and API tokens of a tenant")
class IdentityApi {

    private final IdentityManagement identity;

    IdentityApi(IdentityManagement identity) {
        this.identity = identity;
    }

    /** Who is calling, with their roles and teams. */
    record Me(UUID id, String email, String name, Set<Role> roles, String tenant, List<Team> teams) {
    }

    record NewTokenRequest(String name, Instant expiresAt) {
    }

    @GetMapping("/me")
    @Operation(summary = "The calling person, their roles and teams")
    Me me(@AuthenticationPrincipal WorklaneUser actor) {
        Profile profile = identity.me(actor);
        User user = profile.user();
        return new Me(user.id().value(), user.email(), user.name(), user.roles(), actor.tenantSlug(), profile.teams());
    }

    @GetMapping("/me/tokens")
    @Operation(summary = "My API tokens (never their secrets)")
    List<ApiToken> tokens(@AuthenticationPrincipal WorklaneUser actor) {
        return identity.tokens(actor);
    }

    @PostMapping(path = "/me/tokens", consumes = "application/json")
    @Operation(summary = "Create an API token; its secret is in this response only")
    ResponseEntity<IssuedToken> issueToken(@AuthenticationPrincipal WorklaneUser actor, @RequestBody NewTokenRequest request) {
        IssuedToken issued = identity.issueToken(actor, request.name(), request.expiresAt());
        return ResponseEntity.created(URI.create("/t/" + actor.tenantSlug() + "/api/v1/me/tokens/" + issued.token().id()))
                .body(issued);
    }

    @DeleteMapping("/me/tokens/{id}")
    @Operation(summary = "Revoke one of my API tokens")
    ResponseEntity<Void> revokeToken(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id) {
        identity.revokeToken(actor, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/users")
    @Operation(summary = "People of the tenant (agents and admins)")
    Page<User> users(@AuthenticationPrincipal WorklaneUser actor, @RequestParam(required = false) String q,
                     @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return identity.users(actor, q, PageRequest.of(page, size));
    }

    @PostMapping(path = "/users", consumes = "application/json")
    @Operation(summary = "Add a person (admins)")
    ResponseEntity<User> createUser(@AuthenticationPrincipal WorklaneUser actor, @RequestBody NewUser order) {
        User user = identity.createUser(actor, order);
        return ResponseEntity.created(URI.create("/t/" + actor.tenantSlug() + "/api/v1/users/" + user.id()))
                .eTag(Versions.etag(user.version())).body(user);
    }

    @GetMapping("/users/{id}")
    @Operation(summary = "One person")
    ResponseEntity<User> user(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id) {
        User user = identity.user(actor, new UserId(id));
        return ResponseEntity.ok().eTag(Versions.etag(user.version())).body(user);
    }

    @PatchMapping(path = "/users/{id}", consumes = "application/json")
    @Operation(summary = "Change a person's name, roles, password or active flag (admins); send If-Match")
    ResponseEntity<User> updateUser(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id,
                                    @RequestBody UserChanges changes,
                                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        User user = identity.updateUser(actor, new UserId(id), changes, Versions.ifMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(user.version())).body(user);
    }

    @GetMapping("/teams")
    @Operation(summary = "Teams (work centers) of the tenant")
    Page<Team> teams(@AuthenticationPrincipal WorklaneUser actor, @RequestParam(required = false) Integer page,
                     @RequestParam(required = false) Integer size) {
        return identity.teams(actor, PageRequest.of(page, size));
    }

    @PostMapping(path = "/teams", consumes = "application/json")
    @Operation(summary = "Add a team (admins)")
    ResponseEntity<Team> createTeam(@AuthenticationPrincipal WorklaneUser actor, @RequestBody NewTeam order) {
        Team team = identity.createTeam(actor, order);
        return ResponseEntity.created(URI.create("/t/" + actor.tenantSlug() + "/api/v1/teams/" + team.id()))
                .eTag(Versions.etag(team.version())).body(team);
    }

    @GetMapping("/teams/{id}")
    @Operation(summary = "One team")
    ResponseEntity<Team> team(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id) {
        Team team = identity.team(actor, new TeamId(id));
        return ResponseEntity.ok().eTag(Versions.etag(team.version())).body(team);
    }

    @PatchMapping(path = "/teams/{id}", consumes = "application/json")
    @Operation(summary = "Rename or describe a team (admins); send If-Match")
    ResponseEntity<Team> updateTeam(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id,
                                    @RequestBody TeamChanges changes,
                                    @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Team team = identity.updateTeam(actor, new TeamId(id), changes, Versions.ifMatch(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(team.version())).body(team);
    }

    @DeleteMapping("/teams/{id}")
    @Operation(summary = "Delete a team (admins)")
    ResponseEntity<Void> deleteTeam(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id) {
        identity.deleteTeam(actor, new TeamId(id));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/teams/{id}/members")
    @Operation(summary = "Members of a team")
    List<TeamMember> members(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id) {
        return identity.members(actor, new TeamId(id));
    }

    @PutMapping("/teams/{id}/members/{userId}")
    @Operation(summary = "Add a person to a team (admins)")
    List<TeamMember> addMember(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id, @PathVariable UUID userId) {
        return identity.addMember(actor, new TeamId(id), new UserId(userId));
    }

    @DeleteMapping("/teams/{id}/members/{userId}")
    @Operation(summary = "Remove a person from a team (admins)")
    List<TeamMember> removeMember(@AuthenticationPrincipal WorklaneUser actor, @PathVariable UUID id, @PathVariable UUID userId) {
        return identity.removeMember(actor, new TeamId(id), new UserId(userId));
    }
}
