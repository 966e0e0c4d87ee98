package com.sportsbook.runtime.settlement;

import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.betting.placement.BetRecords;
import com.sportsbook.runtime.betting.placement.RiskBook;
import com.sportsbook.runtime.catalog.EventResults;
import com.sportsbook.runtime.catalog.EventTimeline;
import com.sportsbook.runtime.settlement.results.ResultBook;
import com.sportsbook.runtime.settlement.run.BetSettler;
import com.sportsbook.runtime.settlement.run.SettlementRuns;
import com.sportsbook.runtime.settlement.voids.Voids;
import com.sportsbook.runtime.tenancy.ActiveTenants;
import com.sportsbook.runtime.wallet.Wallet;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Settlement runs plain SQL on the transaction's connection (the bound tenant's schema), with the wallet in it. */
@Configuration
class SettlementConfiguration {

    @Bean
    ResultBook resultBook(DataSource dataSource, EventResults events, BetRecords bets, ApplicationEventPublisher publisher,
            Clock clock, AuditTrail audit) {
        return new ResultBook(JdbcClient.create(dataSource), events, bets, publisher, clock, audit);
    }

    @Bean
    SettlementRuns settlementRuns(DataSource dataSource, BetRecords bets, RiskBook risk, Wallet wallet, EventResults events,
            EventTimeline timelines, ResultBook results, PlatformTransactionManager transactions, Clock clock,
            @Value("${runtime.settlement.batch-size:500}") int batchSize, AuditTrail audit) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        return new SettlementRuns(jdbc, bets, new BetSettler(jdbc, bets, risk, wallet, audit), events, timelines, results,
                new TransactionTemplate(transactions), clock, batchSize);
    }

    @Bean
    Voids voids(DataSource dataSource, BetRecords bets, ResultBook results, SettlementRuns runs, Clock clock, AuditTrail audit) {
        return new Voids(JdbcClient.create(dataSource), bets, results, runs, clock, audit);
    }

    /** On every replica unless switched off ({@code runtime.settlement.worker=false}: benchmarks drive runs themselves). */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "runtime.settlement.worker", havingValue = "true", matchIfMissing = true)
    SettlementWorker settlementWorker(ActiveTenants tenants, SettlementRuns runs, ResultBook results,
            PlatformTransactionManager transactions) {
        return new SettlementWorker(tenants, runs, results, new TransactionTemplate(transactions));
    }
}
