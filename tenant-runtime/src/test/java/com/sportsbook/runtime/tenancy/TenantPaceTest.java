package com.sportsbook.runtime.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TenantPaceTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final TenantPace pace = new TenantPace(Duration.ofSeconds(1), now::get);
    private final BoundTenant busy = BoundTenant.of("busy");
    private final BoundTenant quiet = BoundTenant.of("quiet");

    @Test
    void aTenantWithWorkIsVisitedOnEveryTick() {
        AtomicInteger passes = new AtomicInteger();
        for (int tick = 0; tick < 5; tick++) {
            pace.runIfDue(busy, () -> {
                passes.incrementAndGet();
                return 40;
            });
            now.addAndGet(Duration.ofMillis(200).toNanos());
        }
        assertThat(passes).hasValue(5);
    }

    @Test
    void aTenantWhosePassFoundNothingRestsForTheIdlePeriodThenIsVisitedAgain() {
        AtomicInteger passes = new AtomicInteger();
        pace.runIfDue(quiet, passes::incrementAndGet); // 1: it found one item, so no rest
        pace.runIfDue(quiet, () -> {
            passes.incrementAndGet();
            return 0;
        });
        for (int tick = 1; tick <= 4; tick++) { // 200 ms ticks within its second of rest
            now.addAndGet(Duration.ofMillis(200).toNanos());
            pace.runIfDue(quiet, () -> {
                passes.incrementAndGet();
                return 0;
            });
        }
        assertThat(passes).as("two passes, then resting").hasValue(2);

        now.addAndGet(Duration.ofMillis(200).toNanos()); // a second after the empty pass
        pace.runIfDue(quiet, () -> {
            passes.incrementAndGet();
            return 7;
        });
        now.addAndGet(Duration.ofMillis(200).toNanos());
        pace.runIfDue(quiet, () -> {
            passes.incrementAndGet();
            return 0;
        });
        assertThat(passes).as("visited once its rest was over, and again on the next tick since it had work").hasValue(4);
    }

    @Test
    void oneTenantsRestDoesNotDelayAnother() {
        pace.runIfDue(quiet, () -> 0);
        AtomicInteger passes = new AtomicInteger();
        pace.runIfDue(busy, () -> {
            passes.incrementAndGet();
            return 0;
        });
        assertThat(passes).hasValue(1);
    }

    @Test
    void aPassThatFailsIsTriedAgainOnTheNextTick() {
        assertThatThrownBy(() -> pace.runIfDue(busy, () -> {
            throw new IllegalStateException("database down");
        })).isInstanceOf(IllegalStateException.class);
        AtomicInteger passes = new AtomicInteger();
        pace.runIfDue(busy, () -> {
            passes.incrementAndGet();
            return 0;
        });
        assertThat(passes).hasValue(1);
    }
}
