package com.hirepilot.app.submission;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.TestRuntime;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class RoundSentOnH2Tests extends RoundSentTests {

  @Override
  TestRuntime runtime() {
    return TestRuntime.h2();
  }
}
