package com.hirepilot.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.candidate.CandidateFiles;
import com.hirepilot.app.candidate.CandidateProfiles;
import com.hirepilot.app.job.JobCollaborators;
import com.hirepilot.app.job.JobService;
import com.hirepilot.app.submission.SubmittingCandidates;
import com.hirepilot.app.system.PortalProperties;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.TestMail;
import com.hirepilot.app.testing.TestRuntime;
import com.hirepilot.app.workspace.WorkspaceBootstrap;
import com.hirepilot.workflows.submission.SubmissionWorkflow;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * Several instances starting at once on one empty PostgreSQL database. Each runs the first start's
 * seeding (the demo data, or the bootstrap workspace: both go through {@link
 * WorkspaceBootstrap#createFirstWorkspace}); here two run it at the same instant, on connections of
 * their own, as two instances would. One workspace, one demo submission and one email must come
 * out, whoever wins.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnFirstStartPostgres.class)
class FirstStartOnPostgresTests {

  @Autowired WorkspaceBootstrap bootstrap;
  @Autowired JobService jobs;
  @Autowired JobCollaborators collaborators;
  @Autowired CandidateProfiles candidateProfiles;
  @Autowired CandidateFiles candidateFiles;
  @Autowired SubmittingCandidates submissions;
  @Autowired PortalProperties properties;
  @Autowired KeptDataBanner keptData;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext app;

  @Test
  void twoInstancesSeedingAtOnceMakeOneWorkspaceOneSubmissionAndOneEmail() throws Exception {
    assertThat(count("workspace")).as("start-up left the database empty").isZero();
    // The seeding as an instance with demo data on runs it (this app's own start had it off).
    PortalProperties demoOn =
        new PortalProperties(
            properties.baseUrl(),
            properties.dataDir(),
            properties.bootstrap(),
            new PortalProperties.Demo(true),
            properties.mail(),
            properties.reminders(),
            properties.magicLink(),
            properties.attachments(),
            properties.comments(),
            properties.session());
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService instances = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> starts = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        DemoData instance =
            new DemoData(
                bootstrap,
                jobs,
                collaborators,
                candidateProfiles,
                candidateFiles,
                submissions,
                demoOn,
                keptData);
        starts.add(
            instances.submit(
                () -> {
                  together.await(10, TimeUnit.SECONDS);
                  instance.seedIfEmpty();
                  return null;
                }));
      }
      for (Future<?> start : starts) {
        start.get(60, TimeUnit.SECONDS);
      }
    } finally {
      instances.shutdownNow();
    }

    assertThat(count("workspace")).isEqualTo(1);
    assertThat(count("recruiter")).isEqualTo(1);
    assertThat(count("api_token")).isEqualTo(1);
    assertThat(count("job")).isEqualTo(1);
    assertThat(count("candidate")).isEqualTo(2);
    assertThat(count("submission")).isEqualTo(1);

    TestMail.awaitMessage(
        DemoData.DEMO_CLIENT_EMAIL, subject -> subject.startsWith("New candidate for"));
    // Time for a second workflow's email, were there one.
    Thread.sleep(Duration.ofSeconds(3).toMillis());
    assertThat(
            TestMail.to(DemoData.DEMO_CLIENT_EMAIL).stream()
                .map(TestMail::subjectOf)
                .filter(subject -> subject.startsWith("New candidate for")))
        .hasSize(1);

    theConsoleLinksTheSubmissionToItsWorkflowInTheTemporalWebUi();
  }

  /** With {@code temporal.ui-url} set (this app's), the submission page links to its workflow. */
  private void theConsoleLinksTheSubmissionToItsWorkflowInTheTemporalWebUi() {
    String submissionId = jdbc.sql("select id from submission").query(String.class).single();
    Browser browser = new Browser(TestRuntime.firstStartPostgres().origin());
    assertThat(
            browser
                .signInToConsole(TestRuntime.RECRUITER_EMAIL, TestRuntime.RECRUITER_PASSWORD)
                .statusCode())
        .isEqualTo(302);
    HttpResponse<String> page = browser.getPage("/console/submissions/" + submissionId);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "href=\"http://temporal-ui.test:8080/namespaces/default/workflows/"
                + SubmissionWorkflow.workflowId(submissionId)
                + "\"")
        .contains("Open the workflow in the Temporal Web UI");
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}
