package com.hirepilot.app.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The OpenAPI description of the JSON API at {@code /v3/api-docs}, with its Swagger UI page.
 * Springdoc derives paths, parameters and the request and answer records from the controllers; this
 * adds what it cannot see: how each part signs in, and the problem answers every operation can
 * give, once for all instead of an annotation on each.
 */
@Configuration
class ApiDocumentation {

  static final String RECRUITER_TOKEN = "recruiterToken";
  static final String PORTAL_SESSION = "portalSession";
  static final String XSRF_TOKEN = "xsrfToken";
  static final String PROBLEM = "Problem";

  @Bean
  OpenAPI hirePilotApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("HirePilot Client Portal API")
                .version("1")
                .description(
                    "The recruiter API (bearer token) and the client portal's JSON API (the"
                        + " portal session cookie, with X-XSRF-TOKEN on every state-changing"
                        + " request). Errors are application/problem+json (RFC 9457)."))
        .components(
            new Components()
                .addSecuritySchemes(
                    RECRUITER_TOKEN,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("A recruiter's API token"))
                .addSecuritySchemes(
                    PORTAL_SESSION,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.COOKIE)
                        .name("JSESSIONID")
                        .description("The session a magic link (POST /api/portal/session) starts"))
                .addSecuritySchemes(
                    XSRF_TOKEN,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name("X-XSRF-TOKEN")
                        .description("The XSRF-TOKEN cookie's value, echoed on every POST")));
  }

  @Bean
  OpenApiCustomizer documentedProblemAnswers() {
    return api -> {
      api.getComponents().addSchemas(PROBLEM, problemSchema());
      if (api.getPaths() == null) {
        return;
      }
      api.getPaths()
          .forEach(
              (path, item) ->
                  item.readOperationsMap()
                      .forEach(
                          (method, op) -> {
                            describe(path, method, op);
                          }));
    };
  }

  private static void describe(String path, PathItem.HttpMethod method, Operation op) {
    boolean portal = path.startsWith("/api/portal/") || path.startsWith("/api/rex/");
    if (portal) {
      SecurityRequirement session = new SecurityRequirement().addList(PORTAL_SESSION);
      if (method != PathItem.HttpMethod.GET) {
        session.addList(XSRF_TOKEN);
      }
      op.addSecurityItem(session);
      if (path.startsWith("/api/rex/")) {
        op.addSecurityItem(new SecurityRequirement().addList(RECRUITER_TOKEN));
      }
    } else {
      op.addSecurityItem(new SecurityRequirement().addList(RECRUITER_TOKEN));
    }
    ApiResponses responses = op.getResponses();
    if (!path.equals("/api/portal/session") || method != PathItem.HttpMethod.POST) {
      problem(responses, "401", portal ? "No portal session" : "No valid bearer token");
    } else {
      problem(responses, "401", "A bad, used or expired token");
    }
    if (path.contains("{")) {
      problem(responses, "404", "Unknown, or another workspace's");
    }
    boolean body = op.getRequestBody() != null;
    boolean parameters = op.getParameters() != null && !op.getParameters().isEmpty();
    if (body || parameters) {
      problem(responses, "400", "Malformed body, or a path or query parameter that is not valid");
    }
    if (body) {
      problem(responses, "422", "Invalid input; errors names each field");
    }
    if (body && op.getRequestBody().getContent() != null) {
      boolean upload =
          op.getRequestBody().getContent().keySet().stream()
              .anyMatch(type -> type.startsWith("multipart/") || type.equals("text/csv"));
      if (upload) {
        problem(responses, "413", "The upload is too large");
        problem(responses, "415", "Not a content type this operation takes");
      }
    }
    // Codes a controller declared (409 where it can conflict) answer problems too.
    responses.forEach(
        (code, response) -> {
          if (code.startsWith("4")
              && (response.getContent() == null || response.getContent().isEmpty())) {
            response.setContent(problemContent());
          }
        });
  }

  private static void problem(ApiResponses responses, String code, String description) {
    if (!responses.containsKey(code)) {
      responses.addApiResponse(
          code, new ApiResponse().description(description).content(problemContent()));
    }
  }

  private static Content problemContent() {
    return new Content()
        .addMediaType(
            "application/problem+json",
            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
  }

  @SuppressWarnings("rawtypes")
  private static Schema problemSchema() {
    Schema<Object> error =
        new ObjectSchema()
            .addProperty(
                "field", new StringSchema().description("e.g. title, skills[1], row 3: email"))
            .addProperty("message", new StringSchema());
    return new ObjectSchema()
        .description("An RFC 9457 problem answer")
        .addProperty("type", new StringSchema().example("about:blank"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty(
            "errors",
            new ArraySchema().items(error).description("For validation errors: what to fix"));
  }

  /**
   * Swagger UI sets styles inline and draws its icons from data: URIs, which the app's policy
   * refuses. Only its own pages get a policy that allows them; every other page keeps the strict
   * one. Spring Security's header writer leaves a policy already set alone.
   */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> swaggerUiPolicy() {
    OncePerRequestFilter filter =
        new OncePerRequestFilter() {
          @Override
          protected boolean shouldNotFilter(HttpServletRequest request) {
            return !request.getRequestURI().startsWith("/swagger-ui/");
          }

          @Override
          protected void doFilterInternal(
              HttpServletRequest request, HttpServletResponse response, FilterChain chain)
              throws ServletException, IOException {
            response.setHeader("Content-Security-Policy", SWAGGER_UI_POLICY);
            chain.doFilter(request, response);
          }
        };
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns("/swagger-ui/*");
    // Before Spring Security's chain, so its header writer finds the policy set.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  static final String SWAGGER_UI_POLICY =
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
}
