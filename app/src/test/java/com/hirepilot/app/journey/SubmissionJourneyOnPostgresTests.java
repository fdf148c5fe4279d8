package com.hirepilot.app.journey;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.support.TestRuntime;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same journey against the real local PostgreSQL, in a database of its own. */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SubmissionJourneyOnPostgresTests extends SubmissionJourneyTests {

  @DynamicPropertySource
  static void runtime(DynamicPropertyRegistry registry) {
    TestRuntime.postgres().register(registry);
  }

  @Override
  TestRuntime runtime() {
    return TestRuntime.postgres();
  }
}
