package com.sportsbook.runtime.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The margin against real bookmakers' 1X2 books of the 2023-24 Premier League season (football-data.co.uk): their
 * overround is visible from their prices, the margin methods take it out and put it back, and the offered book has
 * the margin the operator asked for.
 */
class RealBooksTest {

    private record Match(String home, String away, Book bet365, Book pinnacle, Book best) {
    }

    private static List<Match> season() throws IOException {
        try (InputStream in = RealBooksTest.class.getResourceAsStream("/feeds/football-data/E0-2023-24.csv")) {
            List<String> rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            List<String> header = Arrays.asList(rows.getFirst().split(","));
            List<Match> matches = new ArrayList<>();
            for (String row : rows.subList(1, rows.size())) {
                String[] f = row.split(",", -1);
                matches.add(new Match(f[header.indexOf("HomeTeam")], f[header.indexOf("AwayTeam")],
                        Book.of(f[header.indexOf("B365H")], f[header.indexOf("B365D")], f[header.indexOf("B365A")]),
                        Book.of(f[header.indexOf("PSH")], f[header.indexOf("PSD")], f[header.indexOf("PSA")]),
                        Book.of(f[header.indexOf("MaxH")], f[header.indexOf("MaxD")], f[header.indexOf("MaxA")])));
            }
            return matches;
        }
    }

    private static BigDecimal average(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(values.size()), MathContext.DECIMAL64);
    }

    @Test
    void everyRealBookCarriesAMarginAndTheSharpBookASmallerOne() throws IOException {
        List<Match> season = season();

        BigDecimal bet365 = average(season.stream().map(m -> m.bet365().overround()).toList());
        BigDecimal pinnacle = average(season.stream().map(m -> m.pinnacle().overround()).toList());

        assertThat(season).hasSize(380);
        assertThat(season).allSatisfy(m -> assertThat(m.bet365().overround()).as(m.home() + " v " + m.away())
                .isBetween(new BigDecimal("0.01"), new BigDecimal("0.10")));
        assertThat(bet365).as("Bet365's average 1X2 margin").isBetween(new BigDecimal("0.04"), new BigDecimal("0.07"));
        assertThat(pinnacle).as("Pinnacle's").isBetween(new BigDecimal("0.01"), new BigDecimal("0.04"));
        assertThat(pinnacle).isLessThan(bet365);
        assertThat(season).as("the best price of each outcome across all books is often below 100 %")
                .anySatisfy(m -> assertThat(m.best().overround()).isNegative());
    }

    @Test
    void takingBet365sMarginOutAndPuttingItBackProportionallyReproducesItsPrices() throws IOException {
        int close = 0;
        List<Match> season = season();
        for (Match match : season) {
            List<BigDecimal> fair = MarginMethod.PROPORTIONAL.fairProbabilities(match.bet365());
            Book rebuilt = MarginMethod.PROPORTIONAL.apply(fair, match.bet365().overround());
            boolean allClose = true;
            for (int i = 0; i < 3; i++) {
                BigDecimal original = match.bet365().prices().get(i).decimal();
                BigDecimal relative = rebuilt.prices().get(i).decimal().subtract(original).abs().divide(original, MathContext.DECIMAL64);
                allClose &= relative.compareTo(new BigDecimal("0.01")) <= 0;
            }
            close += allClose ? 1 : 0;
        }
        assertThat(close).as("matches whose three prices come back within 1 %").isEqualTo(season.size());
    }

    @Test
    void pinnaclesFairPricesWithTheOperatorsMarginGiveABookWithThatMargin() throws IOException {
        BigDecimal target = new BigDecimal("0.06");
        for (Match match : season()) {
            for (MarginMethod method : MarginMethod.values()) {
                Book offered = method.apply(MarginMethod.PROPORTIONAL.fairProbabilities(match.pinnacle()), target);
                assertThat(offered.overround()).as(method + " " + match.home() + " v " + match.away())
                        .isBetween(target, target.add(new BigDecimal("0.012")));
            }
        }
    }
}
