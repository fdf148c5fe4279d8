package com.hirepilot.workflows;

import static com.tngtech.archunit.core.domain.AccessTarget.Predicates.declaredIn;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.targetOwner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import java.io.File;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.UUID;

/**
 * Workflow code is replayed from history, so it must decide the same way every time: no clock, no
 * randomness, no threads and no I/O of its own. Temporal's {@code Workflow} API offers the
 * deterministic equivalents; everything else belongs in activities.
 *
 * <p>If no class matches, ArchUnit fails the rule rather than passing it, so a renamed package
 * cannot silently turn these checks off.
 */
@AnalyzeClasses(
    packages = "com.hirepilot.workflows",
    importOptions = ImportOption.DoNotIncludeTests.class)
class WorkflowDeterminismTests {

  @ArchTest
  static final ArchRule workflowsReadTimeOnlyFromTheWorkflowClock =
      workflowImplementations()
          .should()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .callMethod(System.class, "nanoTime")
          .orShould()
          .callMethodWhere(calling(Instant.class, "now"))
          .orShould()
          .callMethodWhere(calling(LocalDateTime.class, "now"))
          .because("a replay runs later than the original; use Workflow.currentTimeMillis()");

  @ArchTest
  static final ArchRule workflowsDrawNoRandomnessOfTheirOwn =
      workflowImplementations()
          .should()
          .callMethod(UUID.class, "randomUUID")
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(Random.class)
          .because("a replay would draw other values; use Workflow.randomUUID() or newRandom()");

  @ArchTest
  static final ArchRule workflowsNeitherSleepNorStartThreads =
      workflowImplementations()
          .should()
          .callMethodWhere(calling(Thread.class, "sleep"))
          .orShould()
          .callConstructorWhere(targetOwner(assignableTo(Thread.class)))
          .because("only Temporal may schedule workflow code; use Workflow.sleep() or Async");

  @ArchTest
  static final ArchRule workflowsDoNoIo =
      workflowImplementations()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework..", "java.net..")
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(File.class)
          .because("I/O is not replayed; it belongs in an activity");

  /** Workflow implementations and the lambdas' and inner classes' code they own. */
  private static GivenClassesConjunction workflowImplementations() {
    return noClasses()
        .that()
        .resideInAPackage("com.hirepilot.workflows..")
        .and()
        .haveNameMatching(".*WorkflowImpl(\\$.*)?");
  }

  /** Any overload of the method, so {@code now(Clock)} and {@code now(ZoneId)} count too. */
  private static DescribedPredicate<JavaAccess<?>> calling(Class<?> owner, String method) {
    return target(declaredIn(owner).and(name(method))).as("%s.%s", owner.getSimpleName(), method);
  }
}
