package com.sportsbook.commons.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The strictest of two values satisfies both, for every kind where one value can (a brand in two jurisdictions then
 * breaks neither); a value is always at least as strict as itself; and "at least as strict" never holds both ways
 * between different values of an ordered kind.
 */
class StrictestPropertyTest {

    @Property
    void theStrictestOfTwoAgesCapsAndPeriodCapsSatisfiesBoth(@ForAll("ages") int a, @ForAll("ages") int b,
            @ForAll("caps") OptionalLong c, @ForAll("caps") OptionalLong d, @ForAll("periodCaps") PeriodCaps e,
            @ForAll("periodCaps") PeriodCaps f) {
        satisfiesBoth(RuleKinds.AT_LEAST, a, b);
        satisfiesBoth(RuleKinds.CAP, c, d);
        satisfiesBoth(RuleKinds.PERIOD_CAPS, e, f);
    }

    @Property
    void theStrictestOfTwoFlagsTimingsListsAndTimeOutsSatisfiesBoth(@ForAll boolean a, @ForAll boolean b,
            @ForAll KycTiming c, @ForAll KycTiming d, @ForAll("allowed") Allowed e, @ForAll("allowed") Allowed f,
            @ForAll("names") Set<String> g, @ForAll("names") Set<String> h, @ForAll("timeOuts") TimeOutBounds i,
            @ForAll("timeOuts") TimeOutBounds j) {
        satisfiesBoth(RuleKinds.REQUIRED, a, b);
        satisfiesBoth(RuleKinds.PERMITTED, a, b);
        satisfiesBoth(RuleKinds.KYC_TIMING, c, d);
        satisfiesBoth(RuleKinds.ALLOWED, e, f);
        satisfiesBoth(RuleKinds.EXCLUDED, g, h);
        satisfiesBoth(RuleKinds.TIME_OUT, i, j);
    }

    /**
     * Bounds that some interval satisfies (they overlap, and the later minimum is no later than the earlier default)
     * meet in one inside both; bounds that nothing satisfies get the more frequent checks (see REALITY_CHECK).
     */
    @Property
    void realityCheckBoundsThatCanBothBeMetMeetInsideBoth(@ForAll("realityChecks") RealityCheck a, @ForAll("realityChecks") RealityCheck b) {
        int latestMinimum = Math.max(a.minMinutes(), b.minMinutes());
        if (latestMinimum <= Math.min(a.maxMinutes(), b.maxMinutes())
                && latestMinimum <= Math.min(a.defaultMinutes(), b.defaultMinutes())) {
            satisfiesBoth(RuleKinds.REALITY_CHECK, Optional.of(a), Optional.of(b));
        }
        satisfiesBoth(RuleKinds.REALITY_CHECK, Optional.of(a), Optional.empty());
    }

    @Property
    void everyValueSurvivesItsJsonAndIsAsStrictAsItself(@ForAll("periodCaps") PeriodCaps caps, @ForAll("allowed") Allowed allowed,
            @ForAll("realityChecks") RealityCheck check, @ForAll("timeOuts") TimeOutBounds timeOut) {
        roundTrip(RuleKinds.PERIOD_CAPS, caps);
        roundTrip(RuleKinds.ALLOWED, allowed);
        roundTrip(RuleKinds.REALITY_CHECK, Optional.of(check));
        roundTrip(RuleKinds.TIME_OUT, timeOut);
    }

    @Property
    void twoDifferentAgesAreNeverEachAtLeastAsStrictAsTheOther(@ForAll("ages") int a, @ForAll("ages") int b) {
        if (a != b) {
            assertThat(RuleKinds.AT_LEAST.atLeastAsStrict(a, b) && RuleKinds.AT_LEAST.atLeastAsStrict(b, a)).isFalse();
        }
    }

    private static <T> void satisfiesBoth(RuleKind<T> kind, T a, T b) {
        T strictest = kind.strictest(a, b);
        assertThat(kind.atLeastAsStrict(strictest, a)).as("%s over %s and %s", strictest, a, b).isTrue();
        assertThat(kind.atLeastAsStrict(strictest, b)).as("%s over %s and %s", strictest, a, b).isTrue();
        assertThat(kind.strictest(b, a)).as("order does not matter").isEqualTo(strictest);
    }

    private static <T> void roundTrip(RuleKind<T> kind, T value) {
        assertThat(kind.parse(kind.toJson(value))).isEqualTo(value);
        assertThat(kind.atLeastAsStrict(value, value)).isTrue();
    }

    @Provide
    Arbitrary<Integer> ages() {
        return Arbitraries.integers().between(16, 25);
    }

    @Provide
    Arbitrary<OptionalLong> caps() {
        return Arbitraries.longs().between(0, 10_000_000).map(OptionalLong::of).injectNull(0.3)
                .map(cap -> cap == null ? OptionalLong.empty() : cap);
    }

    @Provide
    Arbitrary<PeriodCaps> periodCaps() {
        return Combinators.combine(caps(), caps(), caps()).as(PeriodCaps::new);
    }

    @Provide
    Arbitrary<Allowed> allowed() {
        return names().map(Allowed::only).injectNull(0.2).map(allowed -> allowed == null ? Allowed.ALL : allowed);
    }

    @Provide
    Arbitrary<Set<String>> names() {
        return Arbitraries.of(List.of("single", "multiple", "system", "bet_builder", "1x2", "total")).set().ofMaxSize(6);
    }

    @Provide
    Arbitrary<TimeOutBounds> timeOuts() {
        return Combinators.combine(Arbitraries.integers().between(1, 30), Arbitraries.integers().between(0, 400))
                .as((min, extra) -> new TimeOutBounds(min, min + extra));
    }

    @Provide
    Arbitrary<RealityCheck> realityChecks() {
        return Combinators.combine(Arbitraries.integers().between(1, 120), Arbitraries.integers().between(0, 120),
                Arbitraries.integers().between(0, 120))
                .as((min, toDefault, toMax) -> new RealityCheck(min, min + toDefault + toMax, min + toDefault));
    }
}
