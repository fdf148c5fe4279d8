package com.hirepilot.app.journey;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.support.TestRuntime;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SubmissionJourneyOnH2Tests extends SubmissionJourneyTests {

  @DynamicPropertySource
  static void runtime(DynamicPropertyRegistry registry) {
    TestRuntime.h2().register(registry);
  }

  @Override
  TestRuntime runtime() {
    return TestRuntime.h2();
  }
}
