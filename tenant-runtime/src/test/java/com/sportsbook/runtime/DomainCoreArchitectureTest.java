package com.sportsbook.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The domain cores (money: the wallet's API and rules; prices and margins; bet shapes, returns and limits; grading and settlement returns;
 * sanctions list parsing and name matching; the KYC case's state machine, document envelope encryption and webhook
 * signatures) are plain
 * Java: no Spring, JPA or JDBC.
 */
class DomainCoreArchitectureTest {

    private final JavaClasses cores = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.sportsbook.runtime.wallet", "com.sportsbook.runtime.pricing",
                    "com.sportsbook.runtime.betting.core", "com.sportsbook.runtime.settlement.core",
                    "com.sportsbook.runtime.compliance.screening.core", "com.sportsbook.runtime.compliance.kyc.core");

    @Test
    void theWalletApiItsRulesAndPricingDependOnNoFramework() {
        noClasses().that().resideInAnyPackage("com.sportsbook.runtime.wallet", "com.sportsbook.runtime.wallet.core..",
                        "com.sportsbook.runtime.pricing..", "com.sportsbook.runtime.betting.core..",
                        "com.sportsbook.runtime.settlement.core..", "com.sportsbook.runtime.compliance.screening.core..",
                        "com.sportsbook.runtime.compliance.kyc.core..")
                .and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "java.sql..", "javax.sql..")
                .because("money rules are tested and reasoned about without a framework (CONVENTIONS.md)")
                .check(cores);
    }
}
