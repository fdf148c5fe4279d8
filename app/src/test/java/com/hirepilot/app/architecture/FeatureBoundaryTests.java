package com.hirepilot.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.hirepilot.app.system.TemporalWorkers;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.temporal.worker.WorkerFactory;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The feature packages of {@code app} (each direct sub-package is one feature) stay apart: no
 * cycles between them, and a feature's persistence is its own. Other features go through its
 * services, never its repositories.
 */
@AnalyzeClasses(
    packages = "com.hirepilot.app",
    importOptions = ImportOption.DoNotIncludeTests.class)
class FeatureBoundaryTests {

  private static final String APP = "com.hirepilot.app.";

  @ArchTest
  static final ArchRule featuresDependOnEachOtherWithoutCycles =
      slices()
          .matching("com.hirepilot.app.(*)..")
          .namingSlices("feature $1")
          .should()
          .beFreeOfCycles();

  /** Spring Data repositories and the features' own JDBC classes marked {@code @Repository}. */
  private static final DescribedPredicate<JavaClass> REPOSITORIES =
      DescribedPredicate.describe(
          "repositories",
          c ->
              c.isAssignableTo(org.springframework.data.repository.Repository.class)
                  || c.isAnnotatedWith(org.springframework.stereotype.Repository.class));

  @ArchTest
  static final ArchRule onlyTheOwningFeatureUsesItsRepositories =
      classes()
          .that(REPOSITORIES)
          .and()
          .resideInAPackage("com.hirepilot.app..")
          .should(beAccessedOnlyFromTheirOwnFeature())
          .andShould()
          .notBePublic()
          .because("a feature's tables are reached through its services, so it can change them");

  @ArchTest
  static final ArchRule theSystemPackageKnowsNoFeatureAndNoWorkflow =
      noClasses()
          .that()
          .resideInAPackage("com.hirepilot.app.system..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.hirepilot.workflows..",
              "com.hirepilot.app.submission..",
              "com.hirepilot.app.portal..",
              "com.hirepilot.app.job..",
              "com.hirepilot.app.candidate..")
          .because("each feature registers its own workflows and activities (TemporalWorkers)");

  @ArchTest
  static final ArchRule workersAreCreatedOnlyByTheFeaturesThatOwnThem =
      noClasses()
          .that()
          .doNotImplement(TemporalWorkers.class)
          .should()
          .callMethod(WorkerFactory.class, "newWorker", String.class)
          .because("a feature's workflows and activities are registered by that feature");

  private static ArchCondition<JavaClass> beAccessedOnlyFromTheirOwnFeature() {
    return new ArchCondition<>("be used only by classes of their own feature") {
      @Override
      public void check(JavaClass repository, ConditionEvents events) {
        String owner = featureOf(repository);
        Set<String> strangers =
            repository.getAccessesToSelf().stream()
                .map(JavaAccess::getOriginOwner)
                .filter(origin -> !owner.equals(featureOf(origin)))
                .map(JavaClass::getName)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        repository.getDirectDependenciesToSelf().stream()
            .map(dependency -> dependency.getOriginClass())
            .filter(origin -> !owner.equals(featureOf(origin)))
            .map(JavaClass::getName)
            .forEach(strangers::add);
        for (String stranger : strangers) {
          events.add(
              SimpleConditionEvent.violated(
                  repository, stranger + " uses " + repository.getName() + " of feature " + owner));
        }
      }
    };
  }

  private static String featureOf(JavaClass type) {
    String name = type.getPackageName();
    if (!name.startsWith(APP)) {
      return name;
    }
    String rest = name.substring(APP.length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
