package com.sportsbook.runtime.betting.placement;

import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.audit.BetReceipts;
import com.sportsbook.runtime.catalog.BetOffers;
import com.sportsbook.runtime.catalog.TradingHolds;
import com.sportsbook.runtime.tenancy.ActiveTenants;
import com.sportsbook.runtime.wallet.Wallet;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Placement runs plain SQL on the JPA transaction's connection (the bound tenant's schema), with the wallet in it. */
@Configuration
class BettingConfiguration {

    @Bean
    @ConditionalOnMissingBean
    BettingGate bettingGate() {
        return new PermissiveBettingGateUntilComplianceLands();
    }

    @Bean
    RiskBook riskBook(DataSource dataSource) {
        return new RiskBook(JdbcClient.create(dataSource));
    }

    @Bean
    BetRecords betRecords(DataSource dataSource) {
        return new BetRecords(JdbcClient.create(dataSource));
    }

    @Bean
    BetPlacement betPlacement(BetOffers offers, TradingHolds holds, RiskBook risk, BetRecords records, Wallet wallet,
            BettingGate gate, PlatformTransactionManager transactions, Clock clock, AuditTrail audit, BetReceipts receipts,
            DataSource dataSource) {
        return new BetPlacement(offers, holds, risk, records, wallet, gate, new TransactionTemplate(transactions), clock,
                new BetAudit(audit, receipts), dataSource);
    }

    @Bean
    DelayedBets delayedBets(ActiveTenants tenants, BetPlacement placement) {
        return new DelayedBets(tenants, placement);
    }

    /** Decides every active tenant's in-play bets whose delay has run out, twice a second. */
    static final class DelayedBets {
        private final ActiveTenants tenants;
        private final BetPlacement placement;

        DelayedBets(ActiveTenants tenants, BetPlacement placement) {
            this.tenants = tenants;
            this.placement = placement;
        }

        @Scheduled(fixedDelayString = "${runtime.betting.delay-check:500ms}")
        void decideDueBets() {
            tenants.forEach("deciding delayed bets", tenant -> {
                while (placement.processDue(50) == 50) {
                    // more are due: keep going
                }
            });
        }
    }
}
