package com.sportsbook.runtime.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OddsFormatTest {

    @ParameterizedTest(name = "{0} is {1} and {2}")
    @CsvSource({
            "2.50, 3/2, +150",
            "2.00, evens, +100",
            "1.50, 1/2, -200",
            "1.91, 91/100, -110",
            "11.00, 10/1, +1000",
            "1.01, 1/100, -10000",
            "3.75, 11/4, +275"})
    void aPriceIsShownInEveryFormat(String decimal, String fractional, String american) {
        Odds odds = Odds.of(decimal);

        assertThat(OddsFormat.DECIMAL.show(odds)).isEqualTo(decimal);
        assertThat(OddsFormat.FRACTIONAL.show(odds)).isEqualTo(fractional);
        assertThat(OddsFormat.AMERICAN.show(odds)).isEqualTo(american);
    }

    @Test
    void pricesBelowOnePointZeroOneDoNotExist() {
        assertThatThrownBy(() -> Odds.of("1.00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Odds.of("-2.5")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Odds.fromProbability(new java.math.BigDecimal("0.999")).toString()).isEqualTo("1.01");
    }
}
