package io.worklane;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The module boundaries hold: no cycles, and modules use each other only through their APIs. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(WorklaneApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyBusinessCapabilityIsAModule() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .contains("tenancy", "identity", "work", "board", "catalog", "approval", "fulfilment", "sla", "shared");
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
