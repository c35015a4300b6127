package io.worklane.identity;

import io.worklane.tenancy.StampTenant;
import io.worklane.tenancy.Tenant;
import io.worklane.tenancy.TenantSeeder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.EnumSet;

/** Gives a new tenant its first admin and a first team (work center) they belong to; first, as others build on them. */
@Component
@Order(0)
class FirstAdminSeeder implements TenantSeeder {

    private final IdentityManagement identity;

    FirstAdminSeeder(IdentityManagement identity) {
        this.identity = identity;
    }

    @Override
    public void seed(Tenant tenant, StampTenant order) {
        var admin = order.admin();
        User user = identity.createUserUnchecked(new NewUser(admin.email(), admin.name(), admin.password(),
                EnumSet.of(Role.ADMIN, Role.AGENT)));
        Team team = identity.createTeamUnchecked(new NewTeam("OPS", "IT Operations",
                "The first team of " + tenant.name() + ". Rename it, or add the teams that do your work."));
        identity.addMemberUnchecked(team.id(), user.id());
    }
}
