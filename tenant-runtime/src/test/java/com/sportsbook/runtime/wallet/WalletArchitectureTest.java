package com.sportsbook.runtime.wallet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The money core (the wallet's API and its rules) is plain Java: no Spring, no JPA, no JDBC. */
class WalletArchitectureTest {

    private final JavaClasses wallet = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.sportsbook.runtime.wallet");

    @Test
    void theWalletApiAndItsRulesDependOnNoFramework() {
        noClasses().that().resideInAnyPackage("com.sportsbook.runtime.wallet", "com.sportsbook.runtime.wallet.core..")
                .and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "java.sql..", "javax.sql..")
                .because("money rules are tested and reasoned about without a framework (CONVENTIONS.md)")
                .check(wallet);
    }
}
