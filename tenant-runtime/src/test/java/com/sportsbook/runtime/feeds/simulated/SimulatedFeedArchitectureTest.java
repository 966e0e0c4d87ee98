package com.sportsbook.runtime.feeds.simulated;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The simulated feed is plain Java: no Spring, JPA or JDBC in its code (its package-info only names it as a
 * named interface of the feeds module for Spring Modulith). */
class SimulatedFeedArchitectureTest {

    private final JavaClasses simulated = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.sportsbook.runtime.feeds.simulated");

    @Test
    void theSimulatedFeedDependsOnNoFramework() {
        noClasses().that().resideInAPackage("com.sportsbook.runtime.feeds.simulated..")
                .and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "java.sql..", "javax.sql..")
                .because("the simulated feed is tested and reasoned about without a framework")
                .check(simulated);
    }
}
