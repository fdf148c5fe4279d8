package com.hirepilot.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;

/** The rules that keep the portal from leaking and the modules apart. */
@AnalyzeClasses(packages = "com.hirepilot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  private static final DescribedPredicate<JavaClass> DOMAIN_TYPES =
      DescribedPredicate.describe(
          "a domain type of another feature",
          c ->
              c.getPackageName().startsWith("com.hirepilot.app.")
                  && !c.getPackageName().startsWith("com.hirepilot.app.portal")
                  && !c.getPackageName().startsWith("com.hirepilot.app.system"));

  /** security.md 19: portal answers are view records, never entities that carry internal fields. */
  @ArchTest
  static final ArchRule portalControllersAnswerWithViewRecordsOnly =
      methods()
          .that()
          .areDeclaredInClassesThat()
          .resideInAPackage("com.hirepilot.app.portal")
          .and()
          .areDeclaredInClassesThat()
          .haveSimpleNameEndingWith("Controller")
          .should()
          .notHaveRawReturnType(DOMAIN_TYPES)
          .andShould(
              new com.tngtech.archunit.lang.ArchCondition<>("not return domain types in generics") {
                @Override
                public void check(
                    com.tngtech.archunit.core.domain.JavaMethod method,
                    com.tngtech.archunit.lang.ConditionEvents events) {
                  String signature = method.reflect().getGenericReturnType().getTypeName();
                  for (String feature :
                      new String[] {"candidate.", "job.", "submission.", "workspace."}) {
                    if (signature.contains("com.hirepilot.app." + feature)) {
                      events.add(
                          com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                              method, method.getFullName() + " returns " + signature));
                    }
                  }
                }
              });

  @ArchTest
  static final ArchRule workflowsKnowNothingOfSpringOrTheApp =
      noClasses()
          .that()
          .resideInAPackage("com.hirepilot.workflows..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework..", "com.hirepilot.app..", "java.sql..");

  @ArchTest
  static final ArchRule rexDoesNotDependOnTheApp =
      noClasses()
          .that()
          .resideInAPackage("com.hirepilot.rex..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.hirepilot.app..");

  @ArchTest
  static final ArchRule onlyTheRecruiterAndPortalApisAreRestControllers =
      noClasses()
          .that()
          .areAnnotatedWith(RestController.class)
          .should()
          .resideOutsideOfPackages(
              "com.hirepilot.app.workspace",
              "com.hirepilot.app.job",
              "com.hirepilot.app.candidate",
              "com.hirepilot.app.submission",
              "com.hirepilot.app.deal",
              "com.hirepilot.app.automation",
              "com.hirepilot.app.task",
              "com.hirepilot.app.notification",
              "com.hirepilot.app.portal",
              // The access-link resend (it sends links, so it lives with them) and REX's API.
              "com.hirepilot.app.auth",
              "com.hirepilot.app.support");

  /**
   * Spring Data JDBC builds a derived query's SQL again on every call (a tenth of the console
   * submission page's CPU, measured in issue 22); a written-out query is parsed once. So every
   * query method a repository declares carries its SQL.
   */
  @ArchTest
  static final ArchRule repositoryQueriesAreWrittenOut =
      methods()
          .that()
          .areDeclaredInClassesThat()
          .areAssignableTo(Repository.class)
          .and()
          .areDeclaredInClassesThat()
          .resideInAPackage("com.hirepilot..")
          .and()
          .haveModifier(JavaModifier.ABSTRACT)
          .should()
          .beAnnotatedWith(Query.class)
          .allowEmptyShould(false);
}
