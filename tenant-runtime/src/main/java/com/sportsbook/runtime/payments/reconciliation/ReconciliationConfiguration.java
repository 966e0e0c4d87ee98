package com.sportsbook.runtime.payments.reconciliation;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration
class ReconciliationConfiguration {

    @Bean
    Reconciliations reconciliations(DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
        return new Reconciliations(JdbcClient.create(dataSource), new TransactionTemplate(transactions), clock);
    }
}
