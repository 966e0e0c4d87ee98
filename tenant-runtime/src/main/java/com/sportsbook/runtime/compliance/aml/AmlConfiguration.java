package com.sportsbook.runtime.compliance.aml;

import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.betting.placement.BetRecords;
import com.sportsbook.runtime.identity.Players;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** AML monitoring and cases on the bound tenant's schema. */
@Configuration
class AmlConfiguration {

    @Bean
    AmlMonitor amlMonitor(DataSource dataSource, BetRecords bets, PlatformTransactionManager transactions, Clock clock,
            AuditTrail audit) {
        return new AmlMonitor(JdbcClient.create(dataSource), bets, new TransactionTemplate(transactions), clock, audit);
    }

    @Bean
    AmlCases amlCases(DataSource dataSource, Players players, Clock clock, AuditTrail audit) {
        return new AmlCases(JdbcClient.create(dataSource), players, clock, audit);
    }
}
