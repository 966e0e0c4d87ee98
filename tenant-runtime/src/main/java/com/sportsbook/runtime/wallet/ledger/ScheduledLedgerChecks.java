package com.sportsbook.runtime.wallet.ledger;

import com.sportsbook.commons.TenantStatus;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.tenancy.TenantDirectory;
import com.sportsbook.commons.routing.TenantRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the ledger checks for every live tenant on a schedule; one tenant's failure does not stop the others. */
@Component
class ScheduledLedgerChecks {

    private static final Logger log = LoggerFactory.getLogger(ScheduledLedgerChecks.class);

    private final TenantDirectory directory;
    private final LedgerChecks checks;

    ScheduledLedgerChecks(TenantDirectory directory, LedgerChecks checks) {
        this.directory = directory;
        this.checks = checks;
    }

    @Scheduled(initialDelayString = "${runtime.wallet.check-interval}", fixedDelayString = "${runtime.wallet.check-interval}")
    void checkEveryLiveTenant() {
        for (TenantRoute tenant : directory.tenants()) {
            if (TenantStatus.fromWireName(tenant.status()) != TenantStatus.ACTIVE) {
                continue;
            }
            try {
                LedgerChecks.Result result = TenantContext.callAs(BoundTenant.of(tenant.slug()), () -> checks.run("scheduled"));
                if (result.passed()) {
                    log.info("ledger of tenant {} checked: {} transactions, {} accounts, all invariants hold",
                            tenant.slug(), result.transactionsChecked(), result.accountsChecked());
                } else {
                    log.error("LEDGER INVARIANT BROKEN for tenant {}: {}", tenant.slug(), result.findings());
                }
            } catch (RuntimeException e) {
                log.error("the ledger check of tenant {} could not run", tenant.slug(), e);
            }
        }
    }
}
