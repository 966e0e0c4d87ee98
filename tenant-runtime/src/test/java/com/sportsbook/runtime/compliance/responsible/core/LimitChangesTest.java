package com.sportsbook.runtime.compliance.responsible.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.runtime.compliance.responsible.core.LimitChanges.Limit;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class LimitChangesTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    @Test
    void aFirstLimitAndALowerOneTakeEffectAtOnce() {
        LimitChanges.Outcome first = LimitChanges.request(Limit.NONE, 10_000L, DAY, NOW);
        LimitChanges.Outcome lower = LimitChanges.request(first.limit(), 5_000L, DAY, NOW);

        assertThat(first.immediate()).isTrue();
        assertThat(first.limit().amount()).isEqualTo(10_000L);
        assertThat(lower.immediate()).isTrue();
        assertThat(lower.limit().amount()).isEqualTo(5_000L);
    }

    @Test
    void anIncreaseWaitsForTheCoolingOffWhileTheCurrentLimitHolds() {
        Limit current = new Limit(5_000L, null, false, null);

        LimitChanges.Outcome higher = LimitChanges.request(current, 20_000L, DAY, NOW);

        assertThat(higher.immediate()).isFalse();
        assertThat(higher.limit().amount()).isEqualTo(5_000L);
        assertThat(higher.limit().pendingAmount()).isEqualTo(20_000L);
        assertThat(higher.limit().pendingFrom()).isEqualTo(NOW.plus(DAY));
        assertThat(higher.limit().settled(NOW.plus(DAY).minusSeconds(1)).amount()).isEqualTo(5_000L);
        assertThat(higher.limit().settled(NOW.plus(DAY)).amount()).isEqualTo(20_000L);
    }

    @Test
    void aRemovalWaitsTooAndALowerRequestCancelsAPendingIncrease() {
        Limit current = new Limit(5_000L, null, false, null);

        Limit removing = LimitChanges.request(current, null, Duration.ofHours(72), NOW).limit();
        Limit cancelled = LimitChanges.request(LimitChanges.request(current, 9_000L, DAY, NOW).limit(), 4_000L, DAY,
                NOW.plusSeconds(60)).limit();

        assertThat(removing.amount()).isEqualTo(5_000L);
        assertThat(removing.pendingRemoval()).isTrue();
        assertThat(removing.settled(NOW.plus(Duration.ofHours(72))).amount()).isNull();
        assertThat(cancelled.amount()).isEqualTo(4_000L);
        assertThat(cancelled.hasPending()).isFalse();
    }

    @Test
    void theLowestRemainingHeadroomOfSeveralLimitsApplies() {
        long left = Headroom.remaining(Map.of(LimitPeriod.DAY, 10_000L, LimitPeriod.WEEK, 30_000L, LimitPeriod.MONTH, 50_000L),
                Map.of(LimitPeriod.DAY, 2_000L, LimitPeriod.WEEK, 25_000L, LimitPeriod.MONTH, 25_000L));

        assertThat(left).isEqualTo(5_000L);
        assertThat(Headroom.remaining(Map.of(), Map.of())).isEqualTo(Headroom.UNLIMITED);
        assertThat(Headroom.remaining(Map.of(LimitPeriod.DAY, 1_000L), Map.of(LimitPeriod.DAY, 3_000L))).isZero();
    }

    @Property(tries = 300)
    void noRequestEverLoosensALimitBeforeTheCoolingOff(@ForAll @LongRange(min = 0, max = 1_000_000) long current,
            @ForAll @LongRange(min = 0, max = 1_000_000) long requested, @ForAll boolean removal) {
        Limit limit = new Limit(current, null, false, null);
        LimitChanges.Outcome outcome = LimitChanges.request(limit, removal ? null : requested, DAY, NOW);
        Limit inForce = outcome.limit().settled(NOW.plus(DAY).minusMillis(1));

        assertThat(inForce.amount()).isNotNull();
        assertThat(inForce.amount()).isLessThanOrEqualTo(current);
    }
}
