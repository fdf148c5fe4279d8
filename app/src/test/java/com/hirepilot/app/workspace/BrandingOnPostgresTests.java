package com.hirepilot.app.workspace;

import com.hirepilot.app.testing.TestRuntime;
import org.springframework.test.context.ContextConfiguration;

/** The branding checks on PostgreSQL: the logo's {@code bytea} column and the V8 migration. */
// Not inheriting the H2 test's classes and initializer, so this context is the one every other
// PostgreSQL test shares: a second context on the same runtime would find its ports taken.
@ContextConfiguration(
    initializers = TestRuntime.OnPostgres.class,
    inheritInitializers = false,
    inheritLocations = false)
class BrandingOnPostgresTests extends BrandingTests {

  @Override
  TestRuntime runtime() {
    return TestRuntime.postgres();
  }
}
