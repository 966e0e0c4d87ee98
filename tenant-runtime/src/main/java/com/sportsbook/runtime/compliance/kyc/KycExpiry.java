package com.sportsbook.runtime.compliance.kyc;

import com.sportsbook.runtime.compliance.kyc.core.Actor;
import com.sportsbook.runtime.compliance.kyc.core.KycCommand;
import com.sportsbook.runtime.tenancy.ActiveTenants;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Ends verifications whose period is over: for every live tenant, one transaction per batch, verified cases past
 * their expiry move to expired (the player is asked to verify again when they next need it). Replicas share the
 * work: a case another replica holds is skipped.
 */
public final class KycExpiry {

    private static final Logger log = LoggerFactory.getLogger(KycExpiry.class);
    static final String JOB = "kyc-expiry";
    private static final int BATCH = 500;

    private final KycCases cases;
    private final ActiveTenants tenants;
    private final TransactionOperations transactions;
    private final Clock clock;

    KycExpiry(KycCases cases, ActiveTenants tenants, TransactionOperations transactions, Clock clock) {
        this.cases = cases;
        this.tenants = tenants;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${runtime.compliance.kyc.expiry-check-interval}",
            fixedDelayString = "${runtime.compliance.kyc.expiry-check-interval}")
    void everyTenant() {
        tenants.forEach("KYC expiry", tenant -> {
            int expired = expireDue();
            if (expired > 0) {
                log.info("{} KYC verification(s) expired for tenant {}", expired, tenant.slug().value());
            }
        });
    }

    /** Expires the bound tenant's verified cases past their expiry; returns how many. */
    public int expireDue() {
        int total = 0;
        while (true) {
            Integer batch = transactions.execute(status -> {
                int moved = 0;
                for (KycCases.CaseRow due : cases.lockDueForExpiry(clock.instant(), BATCH)) {
                    if (cases.apply(due, new KycCommand.Expire(), Actor.system(JOB)) instanceof KycCases.Applied.Moved) {
                        moved++;
                    }
                }
                return moved;
            });
            total += batch;
            if (batch < BATCH) {
                return total;
            }
        }
    }
}
