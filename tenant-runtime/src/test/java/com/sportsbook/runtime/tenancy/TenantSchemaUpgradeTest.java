package com.sportsbook.runtime.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.TenantSlug;
import com.sportsbook.commons.routing.TenantRoute;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The upgrade across all tenants as the platform console follows it: what runs now, and only one run at a time. */
class TenantSchemaUpgradeTest {

    private static final List<TenantRoute> TENANTS = List.of(
            new TenantRoute("alpha", "active", "tenant_alpha", "cell-1"),
            new TenantRoute("beta", "suspended", "tenant_beta", "cell-1"),
            new TenantRoute("gamma", "provisioning", "tenant_gamma", "cell-1"));

    @Test
    void aStartedUpgradeReportsTheTenantMigratingNowAndASecondStartIsRefusedUntilItFinishes() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TenantSchemaMigrator held = new TenantSchemaMigrator(null, "unused") {
            @Override
            public MigrationOutcome migrate(TenantSlug tenant) {
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new MigrationOutcome(tenant.value(), tenant.schema().name(), 0, 90, 1);
            }
        };
        TenantSchemaUpgrade upgrade = new TenantSchemaUpgrade(held, 1, Clock.systemUTC());
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Optional<TenantSchemaUpgrade.Report> started = upgrade.startUpgradeAll(TENANTS, background);
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            TenantSchemaUpgrade.Report during = upgrade.lastReport();
            Optional<TenantSchemaUpgrade.Report> second = upgrade.startUpgradeAll(TENANTS, background);
            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (upgrade.lastReport().running() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            TenantSchemaUpgrade.Report finished = upgrade.lastReport();

            assertThat(started).get().satisfies(report -> {
                assertThat(report.running()).isTrue();
                assertThat(report.total()).as("a tenant still provisioning is migrated by its provisioning").isEqualTo(2);
            });
            assertThat(during.current()).containsExactly("alpha");
            assertThat(during.done()).isZero();
            assertThat(second).as("one run at a time").isEmpty();
            assertThat(finished.running()).isFalse();
            assertThat(finished.done()).isEqualTo(2);
            assertThat(finished.current()).isEmpty();
            assertThat(finished.startedAt()).isEqualTo(started.get().startedAt());
            assertThat(upgrade.startUpgradeAll(TENANTS, background)).as("another may start once it finished").isPresent();
        } finally {
            release.countDown();
            background.shutdownNow();
        }
    }
}
