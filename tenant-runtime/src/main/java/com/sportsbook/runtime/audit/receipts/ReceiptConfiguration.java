package com.sportsbook.runtime.audit.receipts;

import com.sportsbook.runtime.audit.log.JdbcAuditTrail;
import com.sportsbook.runtime.tenancy.ActiveTenants;
import com.sportsbook.runtime.tenancy.TenantPace;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bet receipts signed with the configured platform key, or the public dev key when none is configured; every active
 * tenant's new receipts are signed in the background (a busy tenant's in small passes, a quiet one's once a second).
 */
@Configuration
class ReceiptConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReceiptConfiguration.class);

    @Bean
    JdbcBetReceipts betReceipts(DataSource dataSource, JdbcAuditTrail trail, PlatformTransactionManager transactions, Clock clock,
            ReceiptSettings settings) {
        ReceiptSigner signer;
        if (settings.signingKey() == null || settings.signingKey().isBlank()) {
            signer = ReceiptSigner.devDefault();
            log.warn("bet receipts are signed with the public DEV key {} (set RECEIPT_SIGNING_KEY in production)",
                    signer.publicKey().keyId());
        } else {
            signer = ReceiptSigner.fromPkcs8(settings.signingKey());
            log.info("bet receipts are signed with key {}", signer.publicKey().keyId());
        }
        TransactionTemplate ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new JdbcBetReceipts(JdbcClient.create(dataSource), trail, new TransactionTemplate(transactions), ownTransaction, signer,
                clock);
    }

    @Bean
    ScheduledSigning scheduledReceiptSigning(ActiveTenants tenants, JdbcBetReceipts receipts, ReceiptSettings settings) {
        return new ScheduledSigning(tenants, receipts, new TenantPace(settings.idleSignInterval()));
    }

    /**
     * Signs the receipts of bets accepted since the last pass, per active tenant (replicas share them: skip locked): a
     * busy tenant's every {@code sign-interval}, a quiet tenant's every {@code idle-sign-interval}.
     */
    static final class ScheduledSigning {
        private final ActiveTenants tenants;
        private final JdbcBetReceipts receipts;
        private final TenantPace pace;

        ScheduledSigning(ActiveTenants tenants, JdbcBetReceipts receipts, TenantPace pace) {
            this.tenants = tenants;
            this.receipts = receipts;
            this.pace = pace;
        }

        @Scheduled(fixedDelayString = "${runtime.audit.receipts.sign-interval:${runtime.audit.seal-interval:200ms}}")
        void signNewReceipts() {
            tenants.forEach("signing bet receipts", tenant -> pace.runIfDue(tenant, receipts::signPending));
        }
    }
}
