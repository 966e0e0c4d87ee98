package com.sportsbook.runtime.payments.flow;

import com.sportsbook.commons.TenantStatus;
import com.sportsbook.commons.routing.BrandRoute;
import com.sportsbook.commons.routing.TenantRoute;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.tenancy.TenantDirectory;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every half minute, withdrawals approved but never accepted by the provider are handed to it again, per tenant. */
@Component
class WithdrawalRetries {

    private static final Logger log = LoggerFactory.getLogger(WithdrawalRetries.class);
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final TenantDirectory directory;
    private final Withdrawals withdrawals;
    private final Clock clock;

    WithdrawalRetries(TenantDirectory directory, Withdrawals withdrawals, Clock clock) {
        this.directory = directory;
        this.withdrawals = withdrawals;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 30_000, fixedDelay = 30_000)
    void retryEveryLiveTenant() {
        for (TenantRoute tenant : directory.tenants()) {
            if (TenantStatus.fromWireName(tenant.status()) != TenantStatus.ACTIVE) {
                continue;
            }
            try {
                int retried = TenantContext.callAs(BoundTenant.of(tenant.slug()), () -> withdrawals.retryUnsent(
                        clock.instant().minus(GRACE),
                        brand -> directory.brand(brand).map(BrandRoute::hosts).map(hosts -> hosts.getFirst()).orElse(null)));
                if (retried > 0) {
                    log.info("handed {} unsent withdrawals of tenant {} to the provider again", retried, tenant.slug());
                }
            } catch (RuntimeException e) {
                log.warn("withdrawal retries of tenant {} failed: {}", tenant.slug(), e.getMessage());
            }
        }
    }
}
