package com.sportsbook.runtime.compliance.screening;

import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.identity.Players;
import com.sportsbook.runtime.payments.PendingDeposits;
import com.sportsbook.runtime.tenancy.ActiveTenants;
import com.sportsbook.runtime.wallet.Wallet;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sanctions and PEP screening: the platform's lists in memory, cases and runs in the bound tenant's schema (plain SQL
 * on the transaction's connection). The registration hook is {@link SanctionsScreening}, a scanned component, so
 * identity's default stands down.
 */
@Configuration
class ScreeningConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ScreeningConfiguration.class);

    @Bean
    PepListSource csvPepListSource(ScreeningSettings settings) {
        CsvPepListSource source = new CsvPepListSource(settings.pepList());
        if (source.location().equals(CsvPepListSource.SAMPLE)) {
            log.warn("the PEP list is the fictional sample ({}): set SCREENING_PEP_LIST to the provider's list in production",
                    CsvPepListSource.SAMPLE);
        }
        return source;
    }

    @Bean
    ScreeningLists screeningLists(ScreeningSettings settings, PepListSource pep, Clock clock) {
        return new ScreeningLists(settings, pep, clock);
    }

    @Bean
    ScreeningCases screeningCases(DataSource dataSource) {
        return new ScreeningCases(JdbcClient.create(dataSource));
    }

    @Bean
    Rescreening rescreening(ScreeningLists lists, ScreeningCases cases, Players players, ActiveTenants tenants,
            DataSource dataSource, PlatformTransactionManager transactions, Clock clock, ScreeningSettings settings) {
        return new Rescreening(lists, cases, players, tenants, JdbcClient.create(dataSource),
                new TransactionTemplate(transactions), clock, Math.max(1, settings.rescreenBatchSize()));
    }

    @Bean
    EnhancedDueDiligence enhancedDueDiligence(ScreeningCases cases, DataSource dataSource, Wallet wallet,
            PendingDeposits pending) {
        return new EnhancedDueDiligence(cases, JdbcClient.create(dataSource), wallet, pending);
    }

    @Bean
    ScreeningDecisions screeningDecisions(ScreeningCases cases, Players players, PlatformTransactionManager transactions,
            Clock clock, AuditTrail audit) {
        return new ScreeningDecisions(cases, players, new TransactionTemplate(transactions), clock, audit);
    }
}
