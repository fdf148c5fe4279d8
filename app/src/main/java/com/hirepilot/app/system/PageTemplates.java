package com.hirepilot.app.system;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * The pages' renderer: jte templates from {@code src/main/jte}, compiled to Java classes at build
 * time (ADR 0014). A page is a method call per template with typed arguments: no expression is
 * parsed, looked up or checked by reflection while a page renders, which is where Thymeleaf spent
 * two thirds of the job page's time. Each template's class sits in its feature's package ({@code
 * portal/job.jte} is {@code com.hirepilot.app.portal.JteJobGenerated}), so templates read the
 * features' package-private view records.
 *
 * <p>A view name is the template's path without {@code .jte}; a controller returns {@code
 * "portal/job"} as before, and the model's attributes are the template's {@code @param}s by name.
 */
@Configuration(proxyBeanMethods = false)
class PageTemplates {

  /** The package the generated template classes live under (jte-maven-plugin's packageName). */
  static final String TEMPLATE_PACKAGE = "com.hirepilot.app";

  @Bean
  TemplateEngine jteTemplateEngine() {
    return TemplateEngine.createPrecompiled(
        null, ContentType.Html, PageTemplates.class.getClassLoader(), TEMPLATE_PACKAGE);
  }

  @Bean
  JteViewResolver jteViewResolver(TemplateEngine engine, JteProperties properties) {
    return new PageViewResolver(engine, properties);
  }

  private static final class PageViewResolver extends JteViewResolver {

    private final TemplateEngine engine;

    PageViewResolver(TemplateEngine engine, JteProperties properties) {
      super(engine, properties);
      this.engine = engine;
    }

    @Override
    protected AbstractUrlBasedView instantiateView() {
      return new PageView(engine);
    }
  }

  /**
   * Renders a page into one UTF-8 buffer and writes it once with its length, rather than in many
   * small writes each passing through Spring Session's and Spring Security's response wrappers.
   * Every page gets the request's CSRF token as {@code csrf}, for its forms.
   */
  private static final class PageView extends JteView {

    private final TemplateEngine engine;

    PageView(TemplateEngine engine) {
      super(engine);
      this.engine = engine;
    }

    @Override
    protected void renderMergedTemplateModel(
        Map<String, Object> model, HttpServletRequest request, HttpServletResponse response)
        throws Exception {
      model.putIfAbsent("csrf", request.getAttribute(CsrfToken.class.getName()));
      Utf8ByteOutput page = new Utf8ByteOutput();
      engine.render(getUrl(), model, page);
      response.setContentType("text/html;charset=UTF-8");
      response.setContentLength(page.getContentLength());
      page.writeTo(response.getOutputStream());
    }
  }
}
