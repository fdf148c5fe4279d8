package com.hirepilot.app.recruiter;

import static com.hirepilot.app.testing.RecruiterApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.RecruiterApi;
import com.hirepilot.app.testing.TestRuntime;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.MethodParameter;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The OpenAPI document describes every JSON API operation the app maps, with its answers. */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class OpenApiDocumentTests {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping routes;

  final String origin = TestRuntime.h2().origin();
  final RecruiterApi anonymous = new RecruiterApi(origin, "");

  @Test
  void everyApiOperationIsDocumentedWithItsSchemasAndProblems() {
    HttpResponse<String> docs = anonymous.get("/v3/api-docs");
    assertThat(docs.statusCode()).isEqualTo(200);
    JsonNode paths = json(docs).get("paths");
    List<String> checked = new ArrayList<>();
    routes
        .getHandlerMethods()
        .forEach(
            (RequestMappingInfo info, org.springframework.web.method.HandlerMethod handler) -> {
              for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/")) {
                  continue;
                }
                for (var m : info.getMethodsCondition().getMethods()) {
                  String key = m.name() + " " + path;
                  JsonNode op = paths.path(path).path(m.name().toLowerCase(Locale.ROOT));
                  assertThat(op.isMissingNode()).as(key + " is documented").isFalse();
                  JsonNode responses = op.get("responses");
                  boolean success = false;
                  for (var codes = responses.fieldNames(); codes.hasNext(); ) {
                    String code = codes.next();
                    if (code.startsWith("2")) {
                      boolean bodyless = code.equals("204") || code.equals("202");
                      success |= bodyless || responses.get(code).path("content").size() > 0;
                    }
                  }
                  assertThat(success).as(key + " has a 2xx answer with a schema").isTrue();
                  boolean takesBody = false;
                  for (MethodParameter p : handler.getMethodParameters()) {
                    takesBody |=
                        p.hasParameterAnnotation(RequestBody.class)
                            || (p.hasParameterAnnotation(RequestParam.class)
                                && p.getParameterType() == MultipartFile.class);
                  }
                  if (takesBody) {
                    assertThat(op.path("requestBody").path("content").size())
                        .as(key + " documents its request body")
                        .isPositive();
                  }
                  boolean problem = false;
                  for (var codes = responses.fieldNames(); codes.hasNext(); ) {
                    String code = codes.next();
                    problem |=
                        code.startsWith("4")
                            && responses.get(code).path("content").has("application/problem+json");
                  }
                  assertThat(problem).as(key + " documents a problem answer").isTrue();
                  if (path.contains("{")) {
                    assertThat(responses.has("404")).as(key + " documents 404").isTrue();
                  }
                  checked.add(key);
                }
              }
            });
    assertThat(checked).contains("GET /api/jobs", "POST /api/candidates/import");
    JsonNode problem = json(docs).at("/components/schemas/Problem/properties");
    assertThat(problem.has("errors")).isTrue();
    assertThat(json(docs).at("/components/securitySchemes/recruiterToken/scheme").asText())
        .isEqualTo("bearer");
    assertThat(paths.has("/portal/login")).as("pages are not API").isFalse();
  }

  @Test
  void theInteractivePageIsServedWithoutSignInAndAPolicyOfItsOwn() {
    HttpResponse<String> page = anonymous.get("/swagger-ui/index.html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("swagger-ui");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("frame-ancestors 'none'")
        .contains("object-src 'none'");
    // Everywhere else the strict policy stays.
    assertThat(anonymous.get("/portal/access").headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).doesNotContain("unsafe-inline"));
  }
}
