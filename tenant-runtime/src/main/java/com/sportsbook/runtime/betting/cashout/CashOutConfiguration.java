package com.sportsbook.runtime.betting.cashout;

import com.sportsbook.commons.TenantStatus;
import com.sportsbook.commons.routing.TenantRoute;
import com.sportsbook.runtime.betting.placement.BetRecords;
import com.sportsbook.runtime.betting.placement.RiskBook;
import com.sportsbook.runtime.catalog.BetOffers;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.tenancy.TenantDirectory;
import com.sportsbook.runtime.wallet.Wallet;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration
class CashOutConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CashOutConfiguration.class);

    @Bean
    CashOuts cashOuts(DataSource dataSource, BetOffers offers, BetRecords records, RiskBook risk, Wallet wallet,
            PlatformTransactionManager transactions, Clock clock) {
        return new CashOuts(JdbcClient.create(dataSource), offers, records, risk, wallet, new TransactionTemplate(transactions), clock);
    }

    @Bean
    AutoCashOut autoCashOut(TenantDirectory directory, CashOuts cashOuts) {
        return new AutoCashOut(directory, cashOuts);
    }

    /** Every second, cashes out the active tenants' bets whose offer reached the player's target. */
    static final class AutoCashOut {
        private final TenantDirectory directory;
        private final CashOuts cashOuts;

        AutoCashOut(TenantDirectory directory, CashOuts cashOuts) {
            this.directory = directory;
            this.cashOuts = cashOuts;
        }

        @Scheduled(fixedDelayString = "${runtime.betting.auto-cash-out-check:1s}")
        void cashOutAtTargets() {
            for (TenantRoute tenant : directory.tenants()) {
                if (TenantStatus.fromWireName(tenant.status()) != TenantStatus.ACTIVE) {
                    continue;
                }
                try {
                    int done = TenantContext.callAs(BoundTenant.of(tenant.slug()), cashOuts::autoCashOuts);
                    if (done > 0) {
                        log.info("tenant {}: {} bets cashed out at their players' targets", tenant.slug(), done);
                    }
                } catch (RuntimeException e) {
                    log.error("automatic cash-outs of tenant {} could not run", tenant.slug(), e);
                }
            }
        }
    }
}
