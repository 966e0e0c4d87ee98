package com.sportsbook.runtime.betting.cashout;

import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.betting.placement.BetRecords;
import com.sportsbook.runtime.betting.placement.RiskBook;
import com.sportsbook.runtime.catalog.BetOffers;
import com.sportsbook.runtime.features.Feature;
import com.sportsbook.runtime.features.Features;
import com.sportsbook.runtime.tenancy.ActiveTenants;
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

/** Cash-out on the wallet and the catalog, and the automatic cash-out run every second. */
@Configuration
class CashOutConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CashOutConfiguration.class);

    @Bean
    CashOuts cashOuts(DataSource dataSource, BetOffers offers, BetRecords records, RiskBook risk, Wallet wallet,
            PlatformTransactionManager transactions, Clock clock, AuditTrail audit) {
        return new CashOuts(JdbcClient.create(dataSource), offers, records, risk, wallet, new TransactionTemplate(transactions), clock,
                audit);
    }

    @Bean
    AutoCashOut autoCashOut(ActiveTenants tenants, CashOuts cashOuts, Features features) {
        return new AutoCashOut(tenants, cashOuts, features);
    }

    /**
     * Every second, cashes out the active tenants' bets whose offer reached the player's target, on brands where the
     * {@code cash-out} flag is on (a target set before the flag went off waits until it is on again).
     */
    static final class AutoCashOut {
        private final ActiveTenants tenants;
        private final CashOuts cashOuts;
        private final Features features;

        AutoCashOut(ActiveTenants tenants, CashOuts cashOuts, Features features) {
            this.tenants = tenants;
            this.cashOuts = cashOuts;
            this.features = features;
        }

        @Scheduled(fixedDelayString = "${runtime.betting.auto-cash-out-check:1s}")
        void cashOutAtTargets() {
            tenants.forEach("automatic cash-outs", tenant -> {
                int done = cashOuts.autoCashOuts(brand -> features.enabled(Feature.CASH_OUT, tenant.slug().value(), brand));
                if (done > 0) {
                    log.info("tenant {}: {} bets cashed out at their players' targets", tenant.slug().value(), done);
                }
            });
        }
    }
}
