package com.sportsbook.runtime.betting.placement;

import com.sportsbook.commons.TenantStatus;
import com.sportsbook.commons.routing.TenantRoute;
import com.sportsbook.runtime.catalog.BetOffers;
import com.sportsbook.runtime.catalog.TradingHolds;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.tenancy.TenantDirectory;
import com.sportsbook.runtime.wallet.Wallet;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(BettingConfiguration.class);

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
            BettingGate gate, PlatformTransactionManager transactions, Clock clock) {
        return new BetPlacement(offers, holds, risk, records, wallet, gate, new TransactionTemplate(transactions), clock);
    }

    @Bean
    DelayedBets delayedBets(TenantDirectory directory, BetPlacement placement) {
        return new DelayedBets(directory, placement);
    }

    /** Decides every active tenant's in-play bets whose delay has run out, twice a second. */
    static final class DelayedBets {
        private final TenantDirectory directory;
        private final BetPlacement placement;

        DelayedBets(TenantDirectory directory, BetPlacement placement) {
            this.directory = directory;
            this.placement = placement;
        }

        @Scheduled(fixedDelayString = "${runtime.betting.delay-check:500ms}")
        void decideDueBets() {
            for (TenantRoute tenant : directory.tenants()) {
                if (TenantStatus.fromWireName(tenant.status()) != TenantStatus.ACTIVE) {
                    continue;
                }
                try {
                    TenantContext.runAs(BoundTenant.of(tenant.slug()), () -> {
                        while (placement.processDue(50) == 50) {
                            // more are due: keep going
                        }
                    });
                } catch (RuntimeException e) {
                    log.error("delayed bets of tenant {} could not be decided", tenant.slug(), e);
                }
            }
        }
    }
}
