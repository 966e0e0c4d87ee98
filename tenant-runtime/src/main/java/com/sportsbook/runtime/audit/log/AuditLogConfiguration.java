package com.sportsbook.runtime.audit.log;

import com.sportsbook.runtime.tenancy.ActiveTenants;
import com.sportsbook.runtime.tenancy.TenantPace;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit log on the transaction's connection (the bound tenant's schema), and its sealing in the background. */
@Configuration
class AuditLogConfiguration {

    @Bean
    JdbcAuditTrail auditTrail(DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
        return new JdbcAuditTrail(JdbcClient.create(dataSource), new TransactionTemplate(transactions), clock);
    }

    @Bean
    AuditSealer auditSealer(DataSource dataSource, PlatformTransactionManager transactions, Clock clock, AuditSettings settings) {
        return new AuditSealer(new AuditChain(JdbcClient.create(dataSource)), new TransactionTemplate(transactions), clock,
                settings.sealBatch());
    }

    @Bean
    AuditVerifications auditVerifications(DataSource dataSource, AuditSealer sealer, PlatformTransactionManager transactions,
            Clock clock) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        return new AuditVerifications(jdbc, new AuditChain(jdbc), sealer, new TransactionTemplate(transactions), clock);
    }

    @Bean
    AuditLogReads auditLogReads(DataSource dataSource) {
        return new AuditLogReads(new AuditChain(JdbcClient.create(dataSource)));
    }

    @Bean
    ScheduledSealing scheduledAuditSealing(ActiveTenants tenants, AuditSealer sealer, AuditSettings settings) {
        return new ScheduledSealing(tenants, sealer, new TenantPace(settings.idleSealInterval()));
    }

    /**
     * Chains every busy tenant's new records every {@code seal-interval} (200 ms), in small passes, and a quiet tenant's
     * every {@code idle-seal-interval} (1 s); each replica tries, one per tenant seals.
     */
    static final class ScheduledSealing {
        private final ActiveTenants tenants;
        private final AuditSealer sealer;
        private final TenantPace pace;

        ScheduledSealing(ActiveTenants tenants, AuditSealer sealer, TenantPace pace) {
            this.tenants = tenants;
            this.sealer = sealer;
            this.pace = pace;
        }

        @Scheduled(fixedDelayString = "${runtime.audit.seal-interval:200ms}")
        void sealActiveTenants() {
            tenants.forEach("sealing the audit log", tenant -> pace.runIfDue(tenant, sealer::sealIfFree));
        }
    }
}
