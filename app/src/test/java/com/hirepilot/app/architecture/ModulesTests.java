package com.hirepilot.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Spring Modulith's view of the features: each direct sub-package of {@code com.hirepilot.app} is
 * an application module. {@code verify()} fails on a cycle between modules and on a module reaching
 * into another's internal packages (anything below its base package).
 */
class ModulesTests {

  @Test
  void theFeaturesAreModulesThatKeepTheirBoundaries() {
    ApplicationModules modules = ApplicationModules.of(HirePilotApplication.class);

    // The analysis sees the features themselves, not one module for the whole app.
    assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
        .contains("submission", "job", "candidate", "portal", "automation", "notification");
    modules.verify();
  }
}
