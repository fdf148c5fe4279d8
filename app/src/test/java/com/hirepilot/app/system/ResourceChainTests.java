package com.hirepilot.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.Browser;
import com.hirepilot.app.testing.TestRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The guard for a regression that no SQL test sees: with a WebJars locator on the classpath
 * (springdoc brings one), Spring Boot switches on the resource chain, and every {@code @{…}} link
 * of every page is then resolved through a classpath look-up. That cut the portal's job page to a
 * tenth of its throughput. The pages' links must be written as they are; only Swagger UI's own
 * handler may resolve WebJars.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class ResourceChainTests {

  @Autowired ApplicationContext context;
  @Autowired ResourceUrlProvider resources;

  @Test
  void noFilterRewritesThePagesLinks() {
    List<Object> filters =
        new ArrayList<>(context.getBeansOfType(ResourceUrlEncodingFilter.class).values());
    context
        .getBeansOfType(FilterRegistrationBean.class)
        .values()
        .forEach(
            registration -> {
              if (registration.getFilter() instanceof ResourceUrlEncodingFilter f) {
                filters.add(f);
              }
            });
    assertThat(filters)
        .as("ResourceUrlEncodingFilter resolves every link of every page on each render")
        .isEmpty();
  }

  @Test
  void onlySwaggerUiResolvesWebJars() {
    List<String> resolving = new ArrayList<>();
    for (Map.Entry<String, ResourceHttpRequestHandler> handler :
        resources.getHandlerMap().entrySet()) {
      boolean webJars =
          handler.getValue().getResourceResolvers().stream()
              .anyMatch(r -> r instanceof LiteWebJarsResourceResolver);
      if (webJars && !handler.getKey().startsWith("/swagger-ui")) {
        resolving.add(handler.getKey());
      }
    }
    assertThat(resolving).as("handlers that look links up in WebJars").isEmpty();
  }

  @Test
  void swaggerUiStillLoads() {
    Browser anonymous = new Browser(TestRuntime.h2().origin());
    var page = anonymous.get("/swagger-ui/index.html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("swagger-ui");
    assertThat(anonymous.get("/swagger-ui/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
  }
}
