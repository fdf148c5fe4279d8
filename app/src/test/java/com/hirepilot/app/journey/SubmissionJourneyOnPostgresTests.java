package com.hirepilot.app.journey;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.TestRuntime;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** The same journey against the real local PostgreSQL, in a database of its own. */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnPostgres.class)
class SubmissionJourneyOnPostgresTests extends SubmissionJourneyTests {

  @Override
  TestRuntime runtime() {
    return TestRuntime.postgres();
  }
}
