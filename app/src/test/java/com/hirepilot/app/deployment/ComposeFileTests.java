package com.hirepilot.app.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where the build does, so {@code docker-compose.yml} is checked by reading
 * it: every environment variable it gives an app replica is one the README's configuration table
 * documents, the replicas are configured alike, and the load balancer fronts them all.
 */
class ComposeFileTests {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void everyVariableTheAppReplicasGetIsInTheConfigurationTable() throws IOException {
    Map<String, Map<String, Object>> apps = appServices();
    assertThat(apps).as("app replicas").hasSizeGreaterThanOrEqualTo(2);
    Set<String> documented = documentedVariables();
    for (var app : apps.entrySet()) {
      Set<String> unknown = new TreeSet<>(environment(app.getValue()).keySet());
      unknown.removeAll(documented);
      assertThat(unknown)
          .as("variables of %s missing from the README's configuration table", app.getKey())
          .isEmpty();
    }
  }

  @Test
  void theReplicasShareOneDatabaseAndOneTemporalBehindTheLoadBalancer() throws IOException {
    Map<String, Map<String, Object>> apps = appServices();
    Map<String, Object> first = environment(apps.values().iterator().next());
    for (var app : apps.values()) {
      assertThat(environment(app)).isEqualTo(first);
      assertThat(app).doesNotContainKey("ports");
    }
    assertThat(first.get("SPRING_DATASOURCE_URL").toString()).startsWith("jdbc:postgresql:");
    assertThat(first.get("TEMPORAL_TARGET").toString()).isNotEqualTo("embedded");
    String nginx = Files.readString(ROOT.resolve("deploy/nginx.conf"));
    for (String name : apps.keySet()) {
      assertThat(nginx).contains("server " + name + ":8080");
    }
    assertThat(nginx).contains("proxy_buffering off");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> appServices() throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setMergeOnCompose(true);
    Map<String, Object> compose =
        new Yaml(options).load(Files.readString(ROOT.resolve("docker-compose.yml")));
    Map<String, Map<String, Object>> services =
        (Map<String, Map<String, Object>>) compose.get("services");
    Map<String, Map<String, Object>> apps = new java.util.LinkedHashMap<>();
    services.forEach(
        (name, service) -> {
          if (".".equals(service.get("build"))) {
            apps.put(name, service);
          }
        });
    return apps;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> environment(Map<String, Object> service) {
    Object environment = service.get("environment");
    return environment == null ? Map.of() : (Map<String, Object>) environment;
  }

  /** The env var column of the README's table: every variable named in backticks. */
  private static Set<String> documentedVariables() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    int start = readme.indexOf("\n## Configuration");
    int end = readme.indexOf("\n## ", start + 1);
    assertThat(start).as("the README's configuration section").isPositive();
    Set<String> names = new TreeSet<>();
    for (String row : readme.substring(start, end).split("\n")) {
      String[] cells = row.split("\\|");
      if (row.startsWith("| `") && cells.length > 2) {
        Matcher name = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(cells[2]);
        while (name.find()) {
          names.add(name.group(1));
        }
      }
    }
    return names;
  }
}
