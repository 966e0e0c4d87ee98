package com.sportsbook.runtime.compliance.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rule core both processes share (what stricter means, per kind of rule) and the brand's strictest rules are plain Java. */
class RuleCoreArchitectureTest {

    @Test
    void ruleEvaluationDependsOnNoFrameworkAndNoJsonLibrary() {
        noClasses().that().resideInAPackage("com.sportsbook.commons.rules")
                .or().haveFullyQualifiedName(BrandRules.class.getName())
                .or().haveFullyQualifiedName(Amounts.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "java.sql..", "tools.jackson..", "com.fasterxml..")
                .because("rule evaluation is tested and reasoned about without a framework (CONVENTIONS.md)")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("com.sportsbook.commons.rules", "com.sportsbook.runtime.compliance.rules"));
    }
}
