import com.sun.net.httpserver.HttpServer;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * The floor of submit-to-email: what the same Temporal server, in the same kind of JVM, needs to
 * run a workflow whose only activity sends one email over SMTP. No database, no rendering, no
 * recording. {@code POST /submit?label=…} starts one and answers at once, as the app's submission
 * endpoint does; run.py measures from that POST to the email at its sink, like for a jar.
 *
 * <p>Run by bench/submit-to-email/run.py with the app jar's own libraries on the class path:
 * {@code java -cp 'lib/*' Floor.java <http port> <temporal port> <smtp port>}.
 */
public class Floor {

  @WorkflowInterface
  public interface Submission {
    @WorkflowMethod
    void run(String subject);
  }

  @ActivityInterface
  public interface Email {
    void send(String subject);
  }

  public static class SubmissionImpl implements Submission {
    private final Email email =
        Workflow.newActivityStub(
            Email.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());

    @Override
    public void run(String subject) {
      email.send(subject);
    }
  }

  public static class EmailImpl implements Email {
    private final Session session;

    EmailImpl(int smtpPort) {
      Properties p = new Properties();
      p.put("mail.smtp.host", "127.0.0.1");
      p.put("mail.smtp.port", String.valueOf(smtpPort));
      p.put("mail.smtp.connectiontimeout", "10000");
      p.put("mail.smtp.timeout", "15000");
      session = Session.getInstance(p);
    }

    @Override
    public void send(String subject) {
      try {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("portal@bench.test"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("client@bench.test"));
        m.setSubject(subject, "UTF-8");
        m.setText("A candidate for you.", "UTF-8");
        Transport.send(m);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    int httpPort = Integer.parseInt(args[0]);
    int temporalPort = Integer.parseInt(args[1]);
    int smtpPort = Integer.parseInt(args[2]);
    // The app's embedded server: the same in-memory services, time running as on a wall clock.
    TestServer.createPortBoundServer(temporalPort, true);
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + temporalPort).build());
    WorkflowClient client = WorkflowClient.newInstance(service);
    WorkerFactory factory = WorkerFactory.newInstance(client);
    Worker worker = factory.newWorker("floor");
    worker.registerWorkflowImplementationTypes(SubmissionImpl.class);
    worker.registerActivitiesImplementations(new EmailImpl(smtpPort));
    factory.start();

    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 256);
    http.setExecutor(Executors.newFixedThreadPool(16));
    http.createContext(
        "/submit",
        exchange -> {
          String query = exchange.getRequestURI().getRawQuery();
          String label = URLDecoder.decode(query.substring("label=".length()), StandardCharsets.UTF_8);
          Submission workflow =
              client.newWorkflowStub(
                  Submission.class,
                  WorkflowOptions.newBuilder()
                      .setTaskQueue("floor")
                      .setWorkflowId("floor-" + UUID.randomUUID())
                      .build());
          WorkflowClient.start(workflow::run, "New candidate: " + label);
          exchange.sendResponseHeaders(201, -1);
          exchange.close();
        });
    http.createContext(
        "/ready",
        exchange -> {
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    http.start();
  }
}
