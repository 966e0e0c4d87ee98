package com.sportsbook.runtime.wallet.ledger;

import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.wallet.Wallet;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger runs plain SQL on the same DataSource as JPA: inside a JPA transaction it uses that transaction's
 * connection, whose search_path is the bound tenant's schema, so a bet and its stake hold commit together.
 */
@Configuration
@EnableScheduling
class LedgerConfiguration {

    @Bean
    Wallet wallet(DataSource dataSource, PlatformTransactionManager transactions, Clock clock, AuditTrail audit) {
        return new JdbcLedger(JdbcClient.create(dataSource), new TransactionTemplate(transactions), clock, audit);
    }

    @Bean
    LedgerChecks ledgerChecks(DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
        return new LedgerChecks(JdbcClient.create(dataSource), transactions, clock);
    }
}
