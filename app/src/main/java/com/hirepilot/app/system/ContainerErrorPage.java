package com.hirepilot.app.system;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Some requests fail inside Tomcat before Spring sees them (a request header over the size limit, a
 * malformed request line). Tomcat answers those with its own grey "HTTP Status 400" page; this
 * valve answers them with the app's page instead: same stylesheet, a title of its own, the app's
 * security headers, and nothing about the server.
 */
@Component
class ContainerErrorPage implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          if (context.getParent() instanceof StandardHost host) {
            host.setErrorReportValveClass(AppErrorReportValve.class.getName());
          }
        });
  }

  /** Tomcat instantiates this by class name for the host's pipeline. */
  public static class AppErrorReportValve extends ErrorReportValve {

    private static final String PAGE =
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>%s · HirePilot</title>
          <link rel="stylesheet" href="/portal/assets/portal.css">
        </head>
        <body>
        <main class="narrow">
          <div class="card">
            <h1>%s</h1>
            <p class="muted">%s</p>
            <p><a href="/portal">Back to the portal</a></p>
          </div>
        </main>
        </body>
        </html>
        """;

    public AppErrorReportValve() {
      setShowReport(false);
      setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      String title =
          status == 400 ? "Bad request" : status < 500 ? "That did not work" : "Server error";
      String text =
          status == 400
              ? "Your browser sent a request this site cannot read, for example one with"
                  + " headers that are too large. Clear this site's cookies, then try again."
              : status < 500
                  ? "The request could not be completed. Go back and try again."
                  : "An error on our side stopped this page. Please try again in a moment.";
      try {
        response.setContentType("text/html");
        response.setCharacterEncoding("utf-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY);
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(PAGE.formatted(title, title, text));
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // The connection is going away; nothing more can be said on it.
      }
    }
  }
}
