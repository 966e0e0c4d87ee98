package com.sportsbook.runtime.betting.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Every system bet expands into the right lines (checked against binomial counts and a bitmask enumeration
 * written independently), and its potential return matches an independent calculation over those subsets.
 */
class BetShapePropertyTest {

    private static final Map<String, Integer> PUBLISHED_LINES = Map.of("trixie", 4, "patent", 7, "yankee", 11,
            "lucky15", 15, "super_yankee", 26, "lucky31", 31, "heinz", 57, "lucky63", 63, "super_heinz", 120, "goliath", 247);

    @Example
    void everyNamedSystemHasItsPublishedNumberOfLines() {
        for (BetShape system : BetShape.NAMED_SYSTEMS) {
            assertThat(system.lines(system.minimumLegs())).as(system.name()).hasSize(PUBLISHED_LINES.get(system.name()));
        }
        assertThat(BetShape.fromWire("Lucky 15")).contains(BetShape.LUCKY_15);
        assertThat(BetShape.fromWire("canadian")).contains(BetShape.SUPER_YANKEE);
        assertThat(BetShape.fromWire("3/5").orElseThrow().lines(5)).hasSize(10);
        assertThat(BetShape.fromWire("6/5")).isEmpty();
        assertThat(BetShape.fromWire("2/21")).isEmpty();
        assertThatThrownBy(() -> BetShape.TRIXIE.lines(4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BetShape.MULTIPLE.lines(21)).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<BetShape> systems() {
        Arbitrary<BetShape> named = Arbitraries.of(BetShape.NAMED_SYSTEMS);
        Arbitrary<BetShape> kFromN = Arbitraries.integers().between(2, 12).flatMap(n ->
                Arbitraries.integers().between(1, n).map(k -> BetShape.kFromN(k, n)));
        return Arbitraries.oneOf(named, kFromN);
    }

    @Property(tries = 300)
    void aSystemsLinesAreEveryCombinationOfTheSizesItCoversOnceEach(@ForAll("systems") BetShape shape) {
        int n = shape.minimumLegs();
        List<List<Integer>> lines = shape.lines(n);

        Set<Integer> masks = new HashSet<>();
        for (List<Integer> line : lines) {
            assertThat(line).isSorted().doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).isBetween(0, n - 1));
            assertThat(shape.sizes()).contains(line.size());
            masks.add(line.stream().mapToInt(p -> 1 << p).sum());
        }
        assertThat(masks).as("no line twice").hasSize(lines.size());
        long expected = shape.sizes().stream().mapToLong(k -> binomial(n, k)).sum();
        assertThat(lines).hasSize((int) expected);
    }

    @Property(tries = 200)
    void anAccumulatorIsOneLineOfEverySelection(@ForAll @IntRange(min = 2, max = 20) int legs) {
        assertThat(BetShape.MULTIPLE.lines(legs)).singleElement().satisfies(line -> assertThat(line).hasSize(legs));
    }

    @Provide
    Arbitrary<List<BigDecimal>> prices() {
        return Arbitraries.integers().between(101, 5_000).map(cents -> BigDecimal.valueOf(cents, 2)).list().ofSize(12);
    }

    @Property(tries = 300)
    void thePotentialReturnMatchesAnIndependentSumOverSubsets(@ForAll("systems") BetShape shape,
            @ForAll("prices") List<BigDecimal> prices, @ForAll @IntRange(min = 1, max = 1_000_000) int unitStake) {
        int n = shape.minimumLegs();
        List<BigDecimal> legs = prices.subList(0, n);
        long returned = Returns.potential(unitStake, legs, shape.lines(n));

        // independently: every subset of the n selections by bitmask, kept if its size is covered
        BigDecimal sum = BigDecimal.ZERO;
        for (int mask = 1; mask < (1 << n); mask++) {
            if (!shape.sizes().contains(Integer.bitCount(mask))) {
                continue;
            }
            BigDecimal odds = BigDecimal.ONE;
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    odds = odds.multiply(legs.get(i));
                }
            }
            sum = sum.add(odds);
        }
        BigDecimal exact = sum.multiply(BigDecimal.valueOf(unitStake)).setScale(0, RoundingMode.DOWN);
        long expected = exact.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : exact.longValueExact();
        assertThat(returned).isEqualTo(expected);
    }

    @Example
    void aTrixieAtTwoEachReturnsFourDoublesAndATrebleWorth() {
        List<BigDecimal> evens = List.of(new BigDecimal("2.00"), new BigDecimal("2.00"), new BigDecimal("2.00"));
        // 3 doubles at 4.00 and 1 treble at 8.00, 100 each
        assertThat(Returns.potential(100, evens, BetShape.TRIXIE.lines(3))).isEqualTo(3 * 400 + 800);
        assertThat(Returns.potential(333, List.of(new BigDecimal("1.33")), BetShape.SINGLE.lines(1)))
                .as("rounded down once").isEqualTo(442);
    }

    private static long binomial(int n, int k) {
        long result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return result;
    }
}
