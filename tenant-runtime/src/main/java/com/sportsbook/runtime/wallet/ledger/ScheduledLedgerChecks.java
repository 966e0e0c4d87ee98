package com.sportsbook.runtime.wallet.ledger;

import com.sportsbook.runtime.tenancy.ActiveTenants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the ledger checks for every live tenant on a schedule; one tenant's failure does not stop the others. */
@Component
class ScheduledLedgerChecks {

    private static final Logger log = LoggerFactory.getLogger(ScheduledLedgerChecks.class);

    private final ActiveTenants tenants;
    private final LedgerChecks checks;

    ScheduledLedgerChecks(ActiveTenants tenants, LedgerChecks checks) {
        this.tenants = tenants;
        this.checks = checks;
    }

    @Scheduled(initialDelayString = "${runtime.wallet.check-interval}", fixedDelayString = "${runtime.wallet.check-interval}")
    void checkEveryLiveTenant() {
        tenants.forEach("the ledger check", tenant -> {
            LedgerChecks.Result result = checks.run("scheduled");
            if (result.passed()) {
                log.info("ledger of tenant {} checked: {} transactions, {} accounts, all invariants hold",
                        tenant.slug().value(), result.transactionsChecked(), result.accountsChecked());
            } else {
                log.error("LEDGER INVARIANT BROKEN for tenant {}: {}", tenant.slug().value(), result.findings());
            }
        });
    }
}
