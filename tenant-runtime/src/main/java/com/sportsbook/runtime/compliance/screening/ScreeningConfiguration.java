package com.sportsbook.runtime.compliance.screening;

import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.identity.Players;
import com.sportsbook.runtime.tenancy.ActiveTenants;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sanctions screening: the platform's lists in memory, cases and runs in the bound tenant's schema (plain SQL on the
 * transaction's connection). The registration hook is {@link SanctionsScreening}, a scanned component, so
 * identity's default stands down.
 */
@Configuration
class ScreeningConfiguration {

    @Bean
    ScreeningLists screeningLists(ScreeningSettings settings, Clock clock) {
        return new ScreeningLists(settings, clock);
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
    ScreeningDecisions screeningDecisions(ScreeningCases cases, Players players, PlatformTransactionManager transactions,
            Clock clock, AuditTrail audit) {
        return new ScreeningDecisions(cases, players, new TransactionTemplate(transactions), clock, audit);
    }
}
