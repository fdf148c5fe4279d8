package com.hirepilot.app.workspace;

import com.hirepilot.app.support.TestRuntime;
import org.springframework.test.context.ContextConfiguration;

/** The branding checks on PostgreSQL: the logo's {@code bytea} column and the V8 migration. */
@ContextConfiguration(initializers = TestRuntime.OnPostgres.class, inheritInitializers = false)
class BrandingOnPostgresTests extends BrandingTests {

  @Override
  TestRuntime runtime() {
    return TestRuntime.postgres();
  }
}
