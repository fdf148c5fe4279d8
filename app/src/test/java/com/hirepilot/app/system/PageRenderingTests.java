package com.hirepilot.app.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.hirepilot.app.HirePilotApplication;
import com.hirepilot.app.testing.TestRuntime;
import gg.jte.TemplateEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.servlet.ViewResolver;

/**
 * The guard for the pages' renderer (ADR 0014): every page is a jte template compiled in the build,
 * so rendering one evaluates no expression by reflection. A Thymeleaf view resolver coming back (a
 * starter's default, a removed property) would quietly send a page through Spring EL again, at a
 * tenth of the speed and with every SQL test still green.
 */
@SpringBootTest(
    classes = HirePilotApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = TestRuntime.OnH2.class)
class PageRenderingTests {

  private static final Path TEMPLATES = Path.of("src/main/jte");

  @Autowired ApplicationContext context;
  @Autowired TemplateEngine pages;

  @Test
  void noPageRendersThroughThymeleaf() {
    List<String> thymeleaf =
        context.getBeansOfType(ViewResolver.class).values().stream()
            .map(resolver -> resolver.getClass().getName())
            .filter(name -> name.startsWith("org.thymeleaf"))
            .toList();
    assertThat(thymeleaf).as("view resolvers that render pages with Spring EL").isEmpty();
  }

  @Test
  void everyTemplateIsCompiledIntoTheApp() throws IOException {
    List<String> names = templateNames();
    assertThat(names).contains("portal/job", "console/submission", "error");
    assertThat(names.stream().filter(name -> !pages.hasTemplate(name + ".jte")))
        .as("templates with no compiled class")
        .isEmpty();
  }

  /** Every value a page prints is escaped for where it lands; nothing is printed raw. */
  @Test
  void noTemplatePrintsUnescapedText() throws IOException {
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      List<Path> raw =
          files
              .filter(file -> file.toString().endsWith(".jte"))
              .filter(file -> read(file).contains("$unsafe"))
              .toList();
      assertThat(raw).isEmpty();
    }
  }

  private static List<String> templateNames() throws IOException {
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      return files
          .filter(file -> file.toString().endsWith(".jte"))
          .map(file -> TEMPLATES.relativize(file).toString().replace('\\', '/'))
          .map(name -> name.substring(0, name.length() - ".jte".length()))
          .sorted()
          .toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
