package io.worklane.identity;

import io.worklane.identity.internal.ApiTokens;
import io.worklane.identity.internal.Teams;
import io.worklane.identity.internal.TokenSecrets;
import io.worklane.identity.internal.RecentProfiles;
import io.worklane.identity.internal.Users;
import io.worklane.identity.internal.VerifiedTokens;
import io.worklane.shared.Page;
import io.worklane.shared.PageRequest;
import io.worklane.shared.PasswordPolicy;
import io.worklane.shared.TeamId;
import io.worklane.shared.UserId;
import io.worklane.shared.live.LiveUpdates;
import io.worklane.shared.web.ApiProblem;
import io.worklane.shared.web.FieldError;
import io.worklane.tenancy.TenantContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * People, teams and API tokens of the current tenant. Every method takes the acting person and
 * checks {@link IdentityPermissions} before it reads or writes.
 */
@Service
@Transactional
public class IdentityManagement {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern TEAM_KEY = Pattern.compile("[A-Z][A-Z0-9]{1,9}");

    private final Users users;
    private final Teams teams;
    private final ApiTokens tokens;
    private final VerifiedTokens verifiedTokens;
    private final RecentProfiles profiles;
    private final PasswordEncoder passwords;
    private final LiveUpdates live;
    private final Clock clock;

    IdentityManagement(Users users, Teams teams, ApiTokens tokens, VerifiedTokens verifiedTokens,
                       RecentProfiles profiles, PasswordEncoder passwords, LiveUpdates live, Clock clock) {
        this.profiles = profiles;
        this.live = live;
        this.users = users;
        this.teams = teams;
        this.tokens = tokens;
        this.verifiedTokens = verifiedTokens;
        this.passwords = passwords;
        this.clock = clock;
    }

    // --- people ---------------------------------------------------------------------------------

    /**
     * "Who am I", asked by API clients on every call: fresh within a few seconds (see
     * {@link RecentProfiles}); two reads on one connection, without a transaction, when it is read.
     */
    @Transactional(readOnly = true, propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public Profile me(WorklaneUser actor) {
        return profiles.get(actor.tenantId(), actor.id(), () -> {
            User user = users.find(actor.id()).orElseThrow(() -> ApiProblem.notFound("Your account no longer exists."));
            return new Profile(user, teams.ofUser(actor.id()));
        });
    }

    @Transactional(readOnly = true)
    public List<Team> myTeams(WorklaneUser actor) {
        return teams.ofUser(actor.id());
    }

    @Transactional(readOnly = true)
    public Page<User> users(WorklaneUser actor, String query, PageRequest page) {
        IdentityPermissions.requireStaff(actor);
        return users.list(query, page);
    }

    @Transactional(readOnly = true)
    public User user(WorklaneUser actor, UserId id) {
        IdentityPermissions.requireStaff(actor);
        return users.find(id).orElseThrow(() -> ApiProblem.notFound("There is no person " + id + "."));
    }

    public User createUser(WorklaneUser actor, NewUser order) {
        IdentityPermissions.requireAdmin(actor);
        return createUserUnchecked(order);
    }

    /** Creates a person without a permission check: for seeding a tenant's first admin. */
    User createUserUnchecked(NewUser order) {
        List<FieldError> errors = new ArrayList<>();
        String email = order.email() == null ? null : order.email().strip();
        if (email == null || !EMAIL.matcher(email).matches() || email.length() > 254) {
            errors.add(new FieldError("email", "must be an e-mail address"));
        }
        requireName(order.name(), errors);
        if (order.password() != null) {
            PasswordPolicy.refusal(order.password(), email).ifPresent(reason -> errors.add(new FieldError("password", reason)));
        }
        Set<Role> roles = order.roles() == null || order.roles().isEmpty() ? EnumSet.of(Role.REQUESTER) : EnumSet.copyOf(order.roles());
        failIfAny(errors);
        UserId id = UserId.random();
        try {
            users.insert(id, email, order.name().strip(), order.password() == null ? null : passwords.encode(order.password()), roles);
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflictOnField("email-taken", "email", "is already used by another person");
        }
        return users.find(id).orElseThrow();
    }

    public User updateUser(WorklaneUser actor, UserId id, UserChanges changes, Long expectedVersion) {
        IdentityPermissions.requireAdmin(actor);
        User current = users.find(id).orElseThrow(() -> ApiProblem.notFound("There is no person " + id + "."));
        long version = expectedVersion == null ? current.version() : expectedVersion;
        if (version != current.version()) {
            throw ApiProblem.staleVersion(current.version());
        }
        List<FieldError> errors = new ArrayList<>();
        String name = changes.name() == null ? current.name() : changes.name();
        requireName(name, errors);
        Set<Role> roles = changes.roles() == null ? current.roles() : changes.roles();
        if (roles.isEmpty()) {
            errors.add(new FieldError("roles", "must hold at least one role"));
        }
        if (changes.password() != null) {
            PasswordPolicy.refusal(changes.password(), current.email()).ifPresent(reason -> errors.add(new FieldError("password", reason)));
        }
        UserId manager = manager(id, current.manager(), changes.manager(), errors);
        failIfAny(errors);
        boolean active = changes.active() == null ? current.active() : changes.active();
        boolean losesAdmin = current.roles().contains(Role.ADMIN) && current.active() && (!roles.contains(Role.ADMIN) || !active);
        if (losesAdmin && users.countActiveAdmins() <= 1) {
            throw ApiProblem.conflict("last-admin", "This is the organisation's last active admin; make someone else admin first.");
        }
        String hash = changes.password() == null ? null : passwords.encode(changes.password());
        if (!users.update(id, version, name.strip(), EnumSet.copyOf(roles), active, hash, manager)) {
            throw ApiProblem.staleVersion(users.find(id).map(User::version).orElse(version));
        }
        verifiedTokens.forgetOwner(id);
        profiles.forget(actor.tenantId(), id);
        if (!name.strip().equals(current.name())) {
            live.publish(actor.tenantId(), LiveUpdates.NAMES_TOPIC, "person");
        }
        return users.find(id).orElseThrow();
    }

    /** The manager a change names: unchanged when null, no one when blank, else a person who does not report to {@code id}. */
    private UserId manager(UserId id, UserId current, String email, List<FieldError> errors) {
        if (email == null) {
            return current;
        }
        if (email.isBlank()) {
            return null;
        }
        UserId manager = users.byEmail(email.strip()).orElse(null);
        if (manager == null) {
            errors.add(new FieldError("manager", "there is no person with the e-mail address " + email.strip()));
        } else if (users.reportsTo(manager, id)) {
            errors.add(new FieldError("manager", "cannot be this person or someone who reports to them"));
        }
        return manager;
    }

    // --- teams ----------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Page<Team> teams(WorklaneUser actor, PageRequest page) {
        IdentityPermissions.requireStaff(actor);
        return teams.list(page);
    }

    @Transactional(readOnly = true)
    public Team team(WorklaneUser actor, TeamId id) {
        IdentityPermissions.requireStaff(actor);
        return findTeam(id);
    }

    @Transactional(readOnly = true)
    public List<TeamMember> members(WorklaneUser actor, TeamId id) {
        IdentityPermissions.requireStaff(actor);
        findTeam(id);
        return teams.members(id);
    }

    public Team createTeam(WorklaneUser actor, NewTeam order) {
        IdentityPermissions.requireAdmin(actor);
        return createTeamUnchecked(order);
    }

    Team createTeamUnchecked(NewTeam order) {
        List<FieldError> errors = new ArrayList<>();
        if (order.key() == null || !TEAM_KEY.matcher(order.key()).matches()) {
            errors.add(new FieldError("key", "must be 2 to 10 capital letters or digits, starting with a letter (like OPS)"));
        }
        requireName(order.name(), errors);
        failIfAny(errors);
        TeamId id = TeamId.random();
        try {
            teams.insert(id, order.key(), order.name().strip(), order.description() == null ? "" : order.description().strip());
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("team-taken", "Another team already has the key " + order.key() + " or the name '" + order.name().strip() + "'.");
        }
        return findTeam(id);
    }

    public Team updateTeam(WorklaneUser actor, TeamId id, TeamChanges changes, Long expectedVersion) {
        IdentityPermissions.requireAdmin(actor);
        Team current = findTeam(id);
        long version = expectedVersion == null ? current.version() : expectedVersion;
        if (version != current.version()) {
            throw ApiProblem.staleVersion(current.version());
        }
        List<FieldError> errors = new ArrayList<>();
        String name = changes.name() == null ? current.name() : changes.name();
        requireName(name, errors);
        failIfAny(errors);
        String description = changes.description() == null ? current.description() : changes.description().strip();
        try {
            if (!teams.update(id, version, name.strip(), description)) {
                throw ApiProblem.staleVersion(findTeam(id).version());
            }
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflictOnField("team-taken", "name", "is already used by another team");
        }
        profiles.forgetTenant(actor.tenantId());
        if (!name.strip().equals(current.name())) {
            live.publish(actor.tenantId(), LiveUpdates.NAMES_TOPIC, "team");
        }
        return findTeam(id);
    }

    public void deleteTeam(WorklaneUser actor, TeamId id) {
        IdentityPermissions.requireAdmin(actor);
        try {
            if (!teams.delete(id)) {
                throw ApiProblem.notFound("There is no team " + id + ".");
            }
        } catch (DataIntegrityViolationException e) {
            // Work items keep their team for good: their keys carry its key.
            throw ApiProblem.conflict("team-in-use",
                    "This team owns work items, so it cannot be deleted; rename it instead.");
        }
        profiles.forgetTenant(actor.tenantId());
    }

    public List<TeamMember> addMember(WorklaneUser actor, TeamId team, UserId user) {
        IdentityPermissions.requireAdmin(actor);
        findTeam(team);
        users.find(user).orElseThrow(() -> ApiProblem.notFound("There is no person " + user + "."));
        teams.addMember(team, user);
        profiles.forget(actor.tenantId(), user);
        return teams.members(team);
    }

    public List<TeamMember> removeMember(WorklaneUser actor, TeamId team, UserId user) {
        IdentityPermissions.requireAdmin(actor);
        findTeam(team);
        if (!teams.removeMember(team, user)) {
            throw ApiProblem.notFound("That person is not a member of this team.");
        }
        profiles.forget(actor.tenantId(), user);
        return teams.members(team);
    }

    void addMemberUnchecked(TeamId team, UserId user) {
        teams.addMember(team, user);
    }

    // --- API tokens -----------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<ApiToken> tokens(WorklaneUser actor) {
        return tokens.ofUser(actor.id());
    }

    public IssuedToken issueToken(WorklaneUser actor, String name, Instant expiresAt) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "is required, so that you can tell your tokens apart"));
        } else if (name.length() > 100) {
            errors.add(new FieldError("name", "must be at most 100 characters"));
        }
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            errors.add(new FieldError("expiresAt", "must be in the future"));
        }
        failIfAny(errors);
        String secret = TokenSecrets.generate(TenantContext.require().slug());
        UUID id = UUID.randomUUID();
        tokens.insert(id, actor.id(), name.strip(), TokenSecrets.hash(secret), TokenSecrets.hint(secret), expiresAt);
        return new IssuedToken(tokens.find(id, actor.id()).orElseThrow(), secret);
    }

    public void revokeToken(WorklaneUser actor, UUID tokenId) {
        if (!tokens.revoke(tokenId, actor.id())) {
            tokens.find(tokenId, actor.id()).orElseThrow(() -> ApiProblem.notFound("You have no token " + tokenId + "."));
        }
        verifiedTokens.forgetToken(tokenId);
    }

    private Team findTeam(TeamId id) {
        return teams.find(id).orElseThrow(() -> ApiProblem.notFound("There is no team " + id + "."));
    }

    private static void requireName(String name, List<FieldError> errors) {
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > 200) {
            errors.add(new FieldError("name", "must be at most 200 characters"));
        }
    }

    private static void failIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid field",
                    errors.stream().map(e -> "'" + e.field() + "' " + e.message()).collect(Collectors.joining("; ")) + ".",
                    errors);
        }
    }
}
