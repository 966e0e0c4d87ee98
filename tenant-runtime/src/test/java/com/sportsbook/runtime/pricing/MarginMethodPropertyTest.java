package com.sportsbook.runtime.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;

/** Every margin method, over random fair books and target margins. */
class MarginMethodPropertyTest {

    @Provide
    Arbitrary<List<BigDecimal>> fairBooks() {
        return Arbitraries.integers().between(5, 1_000).list().ofMinSize(2).ofMaxSize(12).map(weights -> {
            int total = weights.stream().mapToInt(Integer::intValue).sum();
            List<BigDecimal> fair = new ArrayList<>();
            for (int weight : weights) {
                fair.add(BigDecimal.valueOf(weight).divide(BigDecimal.valueOf(total), MathContext.DECIMAL64));
            }
            return fair;
        }).filter(fair -> fair.stream().allMatch(p -> p.compareTo(new BigDecimal("0.95")) < 0));
    }

    @Property(tries = 300)
    void theOfferedOverroundIsTheTargetOrJustAboveIt(@ForAll("fairBooks") List<BigDecimal> fair,
            @ForAll @BigRange(min = "0.02", max = "0.15") BigDecimal target, @ForAll MarginMethod method) {
        Book offered = method.apply(fair, target);

        BigDecimal overround = offered.overround();
        // rounding every price down to two decimals adds at most about 0.01/price^2 per selection
        BigDecimal slack = offered.prices().stream()
                .map(o -> new BigDecimal("0.01").divide(o.decimal().pow(2), MathContext.DECIMAL64).multiply(new BigDecimal("1.01")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        // a heavy favourite's price is floored at 1.01, which gives back part of the margin: only then may it fall short
        boolean floored = offered.prices().stream().anyMatch(o -> o.decimal().compareTo(Odds.MINIMUM) == 0);
        if (!floored) {
            assertThat(overround).isGreaterThanOrEqualTo(target.subtract(new BigDecimal("0.000001")));
            assertThat(overround).isLessThanOrEqualTo(target.add(slack).add(new BigDecimal("0.0005")));
        }
    }

    @Property(tries = 300)
    void theFavouriteStaysTheFavourite(@ForAll("fairBooks") List<BigDecimal> fair,
            @ForAll @BigRange(min = "0.0", max = "0.15") BigDecimal target, @ForAll MarginMethod method) {
        Book offered = method.apply(fair, target);

        for (int i = 0; i < fair.size(); i++) {
            for (int j = 0; j < fair.size(); j++) {
                if (fair.get(i).compareTo(fair.get(j)) > 0) {
                    assertThat(offered.prices().get(i)).isLessThanOrEqualTo(offered.prices().get(j));
                }
            }
        }
    }

    @Property(tries = 300)
    void removingTheMarginByTheSameMethodGivesProbabilitiesThatSumToOne(@ForAll("fairBooks") List<BigDecimal> fair,
            @ForAll @BigRange(min = "0.02", max = "0.15") BigDecimal target, @ForAll MarginMethod method) {
        List<BigDecimal> recovered = method.fairProbabilities(method.apply(fair, target));

        BigDecimal sum = recovered.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum.subtract(BigDecimal.ONE).abs()).isLessThan(new BigDecimal("0.000001"));
        assertThat(recovered).allSatisfy(p -> assertThat(p).isPositive());
    }
}
