package com.sportsbook.runtime.feeds.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.sportsbook.runtime.pricing.Book;
import com.sportsbook.runtime.pricing.Odds;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulated feed's price maths: the band, the margin, Asian lines and the Poisson counts. */
class SimulatedPricingTest {

    private final Pricer pricer = new Pricer(new BigDecimal("0.06"));

    @Test
    void fairProbabilitiesBecomePricesWithTheMarginLaidOnProportionally() {
        Map<String, Double> fair = new LinkedHashMap<>();
        fair.put("home", 0.5);
        fair.put("draw", 0.3);
        fair.put("away", 0.2);

        Map<String, BigDecimal> prices = pricer.book(fair);

        assertThat(prices).containsExactly(Map.entry("home", new BigDecimal("1.88")), Map.entry("draw", new BigDecimal("3.14")),
                Map.entry("away", new BigDecimal("4.71")));
        assertThat(new Book(prices.values().stream().map(Odds::new).toList()).overround().doubleValue()).isCloseTo(0.06, within(0.003));
    }

    @Test
    void aNearCertaintyStopsAt1Point01AndALongShotAtTheCapWhileTheBookKeepsAnOverround() {
        Map<String, BigDecimal> prices = pricer.twoWay("yes", "no", new double[] {0.9999, 0.0001});
        BigDecimal overround = new Book(prices.values().stream().map(Odds::new).toList()).overround();

        assertThat(prices).containsEntry("yes", new BigDecimal("1.01")).containsEntry("no", new BigDecimal("62.89"));
        assertThat(overround).isPositive().isLessThan(new BigDecimal("0.01"));
        assertThat(pricer.single(0.02)).as("a 2 percent goalscorer is a long shot, not squeezed").isEqualTo(new BigDecimal("47.16"));
        assertThat(pricer.single(1 + 1e-16)).isEqualTo(new BigDecimal("1.01"));
    }

    @Test
    void theBandLiftsLongShotsAndCapsTheFavouriteKeepingTheSumAtOne() {
        double[] banded = Pricer.banded(new double[] {0.999, 0.0008, 0.0002}, 0.005, 0.985);

        assertThat(banded[0]).isBetween(0.98, 0.985);
        assertThat(banded[1]).isGreaterThanOrEqualTo(0.005 - 1e-12);
        assertThat(banded[2]).isGreaterThanOrEqualTo(0.005 - 1e-12);
        assertThat(Arrays.stream(banded).sum()).isCloseTo(1, within(1e-12));
        assertThatThrownBy(() -> Pricer.banded(new double[] {0.5, -0.1}, 0.005, 0.985)).isInstanceOf(IllegalArgumentException.class);
        // next to a near-certainty, 1 - p is rounding error: the others' own sum is what counts
        double[] nearCertain = Pricer.banded(new double[] {1.0547118733938987E-15, 0.9999999999999989}, 0.005, 0.985);
        assertThat(nearCertain).containsExactly(new double[] {0.015, 0.985}, within(1e-12));
    }

    @Test
    void aWholeLinePushesAQuarterLineSplitsTheStakeAndADecidedLineHasNoPrice() {
        // one more goal is certain to come or not with even chances: 0 or 1 more, on top of 2 so far
        double[] evens = {0.5, 0.5};

        assertThat(Pricer.asian(evens, 2, 2.5, -1)).containsExactly(0.5, 0.5);
        assertThat(Pricer.asian(evens, 2, 3.0, -1)).as("over 3 can push or lose, not win: decided").isNull();
        assertThat(Pricer.asian(evens, 2, 2.0, -1)).as("over 2 can push or win, not lose: decided").isNull();
        // 2, 3 or 4 goals: over 3 wins at 4, pushes at 3 (neither side), loses at 2
        assertThat(Pricer.asian(new double[] {0.5, 0.25, 0.25}, 2, 3.0, -1)).containsExactly(new double[] {1.0 / 3, 2.0 / 3},
                within(1e-12));
        // over 2.75 is half on 2.5 (wins at 3, loses at 2) and half on 3.0 (pushes at 3, loses at 2)
        assertThat(Pricer.asian(evens, 2, 2.75, -1)[0]).isCloseTo(0.25 / (0.25 + 0.5), within(1e-12));
        // home -0.25 from level: half on 0 (pushes at 0), half on -0.5
        assertThat(Pricer.asian(new double[] {0.3, 0.4, 0.3}, -1, -0.25, 1)[0]).isCloseTo(0.3 / (0.3 + 0.3 + 0.2), within(1e-12));
        assertThat(Pricer.quarter(2.75)).isTrue();
        assertThat(Pricer.quarter(-0.25)).isTrue();
        assertThat(Pricer.quarter(2.5)).isFalse();
    }

    @Test
    void poissonCountsSumToOneWithTheTailInTheLastCell() {
        double[] goals = Poisson.probabilities(1.4, 10);
        double[] none = Poisson.probabilities(0, 3);

        assertThat(Arrays.stream(goals).sum()).isCloseTo(1, within(1e-12));
        assertThat(goals[0]).isCloseTo(Math.exp(-1.4), within(1e-12));
        assertThat(goals[2]).isCloseTo(Math.exp(-1.4) * 1.4 * 1.4 / 2, within(1e-12));
        assertThat(none).containsExactly(1, 0, 0, 0);
        assertThat(Poisson.atLeastOne(1.4)).isCloseTo(1 - Math.exp(-1.4), within(1e-12));
        assertThat(Normal.cdf(0)).isCloseTo(0.5, within(1e-7));
        assertThat(Normal.cdf(1.96)).isCloseTo(0.975, within(1e-4));
        assertThat(Normal.cdf(-1.96)).isCloseTo(0.025, within(1e-4));
    }

    @Test
    void aProvidersMarginIsFiveToSevenPercentDrawnFromTheEventSeed() {
        for (long seed = 0; seed < 200; seed++) {
            assertThat(SimulatedEvent.margin(seed)).isBetween(new BigDecimal("0.050"), new BigDecimal("0.070"));
        }
        assertThat(SimulatedEvent.margin(42)).isEqualTo(SimulatedEvent.margin(42));
    }
}
