package com.sportsbook.controlplane.flags.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.AlphaChars;
import org.junit.jupiter.api.Test;

/** Who a rollout reaches: named tenants, a stable percentage of all tenants, narrowed by jurisdiction; the kill switch over all. */
class RolloutTest {

    private static final List<String> TENANTS = IntStream.range(0, 2000).mapToObj(i -> "tenant-" + i).toList();

    @Property
    void aTenantsBucketNeverChanges(@ForAll @AlphaChars @StringLength(min = 1, max = 30) String tenant,
            @ForAll @IntRange(min = 0, max = 100) int percentage) {
        assertThat(StickyHash.withinPercentage(percentage, "cash-out", tenant))
                .isEqualTo(StickyHash.withinPercentage(percentage, "cash-out", new String(tenant)));
        assertThat(StickyHash.bucket("cash-out", tenant)).isBetween(1, 100);
    }

    @Property
    void raisingThePercentageOnlyAddsTenants(@ForAll @AlphaChars @StringLength(min = 1, max = 30) String tenant,
            @ForAll @IntRange(min = 0, max = 100) int lower, @ForAll @IntRange(min = 0, max = 100) int higher) {
        int from = Math.min(lower, higher);
        int to = Math.max(lower, higher);
        if (StickyHash.withinPercentage(from, "cash-out", tenant)) {
            assertThat(StickyHash.withinPercentage(to, "cash-out", tenant)).isTrue();
        }
    }

    @Property(tries = 50)
    void aPercentageReachesAboutThatShareOfTenants(@ForAll @IntRange(min = 0, max = 100) int percentage) {
        long reached = TENANTS.stream().filter(tenant -> StickyHash.withinPercentage(percentage, "cash-out", tenant)).count();
        assertThat(reached / (double) TENANTS.size() * 100).isCloseTo(percentage, org.assertj.core.data.Offset.offset(4.0));
    }

    @Test
    void zeroReachesNobodyAndAHundredEverybody() {
        assertThat(TENANTS).noneMatch(tenant -> StickyHash.withinPercentage(0, "cash-out", tenant));
        assertThat(TENANTS).allMatch(tenant -> StickyHash.withinPercentage(100, "cash-out", tenant));
    }

    @Test
    void namedTenantsGetTheFlagWhereverTheirBrandsAreLicensed() {
        Rollout rollout = new Rollout(List.of("alpha"), 0, List.of("MT"));

        assertThat(rollout.includes("alpha", List.of("GB"), "cash-out")).isTrue();
        assertThat(rollout.includes("beta", List.of("MT"), "cash-out")).isFalse();
    }

    @Test
    void jurisdictionsNarrowThePercentageToBrandsWhoseEveryJurisdictionIsListed() {
        Rollout inMalta = new Rollout(List.of(), 100, List.of("MT"));

        assertThat(inMalta.includes("beta", List.of("MT"), "cash-out")).isTrue();
        assertThat(inMalta.includes("beta", List.of("MT", "GB"), "cash-out")).as("also licensed in GB").isFalse();
        assertThat(inMalta.includes("beta", List.of(), "cash-out")).as("no jurisdiction known").isFalse();
    }

    @Test
    void theKillSwitchTurnsTheFlagOffForEveryone() {
        Flag flag = new Flag(new FlagKey("cash-out"), "cash-out", new Rollout(List.of("alpha"), 100, List.of()), false, 1);

        assertThat(flag.enabledFor("alpha", List.of("MT"))).isTrue();
        assertThat(flag.withKilled(true).enabledFor("alpha", List.of("MT"))).isFalse();
        assertThat(flag.withKilled(true).version()).isEqualTo(2);
    }

    @Test
    void flagKeysAreKebabCase() {
        assertThat(FlagKey.valid("cash-out")).isTrue();
        assertThat(FlagKey.valid("in-play-betting2")).isTrue();
        assertThat(List.of("Cash-Out", "cash_out", "-cash", "cash-", "cash--out", "c", "9lives", "a".repeat(65), ""))
                .noneMatch(FlagKey::valid);
        assertThat(FlagKey.valid(null)).isFalse();
    }

    @Test
    void aRolloutCheckNamesTheFieldsAtFault() {
        RolloutCheck check = new RolloutCheck(java.util.Set.of("alpha", "beta"), java.util.Set.of("MT", "GB"));

        assertThat(check.check(List.of("alpha", "nobody"), null, null)).isEqualTo(new RolloutCheck.Result.Invalid(
                RolloutCheck.UNKNOWN_TENANT, "The rollout names tenants that do not exist.",
                List.of(new RolloutCheck.FieldError("tenants[1]", "no tenant nobody"))));
        assertThat(check.check(null, null, List.of("XX"))).isInstanceOfSatisfying(RolloutCheck.Result.Invalid.class,
                invalid -> assertThat(invalid.code()).isEqualTo(RolloutCheck.UNKNOWN_JURISDICTION));
        assertThat(List.of("101", "-1", "12.5")).allSatisfy(bad -> assertThat(check.check(null, new java.math.BigDecimal(bad), null))
                .isInstanceOfSatisfying(RolloutCheck.Result.Invalid.class, invalid -> {
                    assertThat(invalid.code()).isEqualTo(RolloutCheck.VALIDATION_FAILED);
                    assertThat(invalid.errors().getFirst().field()).isEqualTo("percentage");
                }));
        assertThat(check.check(List.of("beta", "alpha", "beta"), new java.math.BigDecimal("25.0"), List.of("MT")))
                .isEqualTo(new RolloutCheck.Result.Valid(new Rollout(List.of("alpha", "beta"), 25, List.of("MT"))));
    }
}
