package com.sportsbook.runtime.settlement.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.runtime.betting.core.BetShape;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random multiples and systems with random leg outcomes (void, half-win, half-lose, dead heat among them) settle to
 * the same return as an independent calculator: every covered subset of legs by bitmask, each leg's effective odds
 * written out here again, the sum rounded down once.
 */
class SettlementReturnsPropertyTest {

    @Provide
    Arbitrary<BetShape> shapes() {
        Arbitrary<BetShape> named = Arbitraries.of(BetShape.NAMED_SYSTEMS);
        Arbitrary<BetShape> kFromN = Arbitraries.integers().between(2, 10).flatMap(n ->
                Arbitraries.integers().between(1, n).map(k -> BetShape.kFromN(k, n)));
        Arbitrary<BetShape> multiple = Arbitraries.just(BetShape.MULTIPLE);
        return Arbitraries.oneOf(named, kFromN, multiple);
    }

    @Provide
    Arbitrary<List<SettlementReturns.Leg>> legs() {
        Arbitrary<BigDecimal> price = Arbitraries.integers().between(101, 2_000).map(cents -> BigDecimal.valueOf(cents, 2));
        Arbitrary<Outcome> outcome = Arbitraries.oneOf(Arbitraries.of(Outcome.WIN, Outcome.LOSE, Outcome.VOID, Outcome.HALF_WIN,
                Outcome.HALF_LOSE), Arbitraries.integers().between(2, 4).map(tied -> Outcome.deadHeat(1, tied)));
        return Combinators.combine(price, outcome).as(SettlementReturns.Leg::new).list().ofSize(10);
    }

    @Property(tries = 500)
    void aGradedBetReturnsWhatAnIndependentCalculationSays(@ForAll("shapes") BetShape shape, @ForAll("legs") List<SettlementReturns.Leg> pool,
            @ForAll @IntRange(min = 2, max = 10) int multipleLegs, @ForAll @IntRange(min = 1, max = 100_000) int unitStake) {
        int n = shape == BetShape.MULTIPLE ? multipleLegs : shape.minimumLegs();
        List<SettlementReturns.Leg> legs = pool.subList(0, n);

        long returned = SettlementReturns.of(unitStake, legs, shape.lines(n));

        List<Integer> sizes = shape == BetShape.MULTIPLE ? List.of(n) : shape.sizes();
        BigDecimal sum = BigDecimal.ZERO;
        for (int mask = 1; mask < (1 << n); mask++) {
            if (!sizes.contains(Integer.bitCount(mask))) {
                continue;
            }
            BigDecimal odds = BigDecimal.ONE;
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    odds = odds.multiply(effective(legs.get(i)), MathContext.DECIMAL128);
                }
            }
            sum = sum.add(odds, MathContext.DECIMAL128);
        }
        long expected = sum.multiply(BigDecimal.valueOf(unitStake), MathContext.DECIMAL128).setScale(0, RoundingMode.DOWN)
                .longValueExact();
        assertThat(returned).isEqualTo(expected);
    }

    /** The effective odds of DOMAIN.md, written again without the production code. */
    private static BigDecimal effective(SettlementReturns.Leg leg) {
        BigDecimal price = leg.price();
        return switch (leg.outcome().kind()) {
            case WIN -> price;
            case LOSE -> BigDecimal.ZERO;
            case VOID -> BigDecimal.ONE;
            case HALF_WIN -> price.add(BigDecimal.ONE).multiply(new BigDecimal("0.5"));
            case HALF_LOSE -> new BigDecimal("0.5");
            case DEAD_HEAT -> price.multiply(leg.outcome().deadHeatFactor(), MathContext.DECIMAL64);
        };
    }
}
