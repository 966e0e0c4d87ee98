package com.sportsbook.runtime.feeds.footballdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The real seasons as the replay feed will read them, spot-checked against the published rows. */
class SeasonFileTest {

    private static final Map<String, SeasonFile.Read> SEASONS = SeasonFile.bundledSeasons().stream()
            .collect(Collectors.toMap(read -> read.matches().getFirst().season(), Function.identity()));

    @Test
    void everySeasonReadsCompletelyAndTheOneBadPriceInTheRealDataIsReported() {
        assertThat(SEASONS).hasSize(7);
        assertThat(SEASONS.get("2021-22").problems()).as("Bet365's closing totals are published as 0 on one row")
                .extracting(SeasonFile.Problem::row).containsExactly(168, 168);
        SeasonMatch withBadPrice = SEASONS.get("2021-22").matches().stream().filter(m -> m.row() == 168).findFirst().orElseThrow();
        assertThat(withBadPrice.closingTotal25()).as("the market average stands in").isNotNull();
        SEASONS.forEach((season, read) -> {
            if (!season.equals("2021-22")) {
                assertThat(read.problems()).as(season).isEmpty();
            }
            assertThat(read.matches()).as(season).hasSize(season.equals("2024-25") ? 319 : 380);
            assertThat(read.matches()).as(season).allSatisfy(match -> {
                assertThat(match.opening1x2()).isNotNull();
                assertThat(match.openingTotal25()).isNotNull();
                assertThat(match.openingHandicap()).isNotNull();
            });
        });
    }

    /** Rows copied by hand from the published files (row = line number in the file). */
    @ParameterizedTest(name = "{0} row {1}: {4} {6}-{7} {5}")
    @CsvSource(delimiter = '|', value = {
            "2018-19|2|2018-08-10T14:00:00Z|10/08/2018|Man United|Leicester|2|1|1|0|1.57|3.9|7.5|-0.75",
            "2018-19|51|2018-09-17T14:00:00Z|17/09/2018|Southampton|Brighton|2|2|1|0|2.1|3.4|3.9|-0.25",
            "2018-19|201|2018-12-30T15:00:00Z|30/12/2018|Southampton|Man City|1|3|1|3|10|5.25|1.3|1.5",
            "2018-19|380|2019-05-12T14:00:00Z|12/05/2019|Tottenham|Everton|2|2|1|0|2.2|3.5|3.5|-0.5",
            "2019-20|2|2019-08-09T19:00:00Z|9/8/2019|Liverpool|Norwich|4|1|4|0|1.14|10|19|-2.25",
            "2019-20|101|2019-10-27T16:30:00Z|27/10/2019|Norwich|Man United|1|3|0|2|4.33|4|1.75|0.75",
            "2019-20|301|2020-06-22T19:00:00Z|22/06/2020|Man City|Burnley|5|0|3|0|1.12|9|15|-2.5",
            "2020-21|3|2020-09-12T14:00:00Z|12/09/2020|Crystal Palace|Southampton|1|0|1|0|3.1|3.25|2.37|0.25",
            "2020-21|151|2020-12-29T18:00:00Z|29/12/2020|Brighton|Arsenal|0|1|0|0|3.25|3.5|2.2|0.25",
            "2020-21|381|2021-05-23T15:00:00Z|23/05/2021|Wolves|Man United|1|2|1|2|2.5|3.5|2.7|0",
            "2021-22|6|2021-08-14T14:00:00Z|14/08/2021|Everton|Southampton|3|1|0|1|1.9|3.5|4|-0.5",
            "2021-22|251|2022-02-26T12:30:00Z|26/02/2022|Leeds|Tottenham|0|4|0|3|4.2|3.6|1.85|0.5",
            "2022-23|11|2022-08-07T15:30:00Z|07/08/2022|West Ham|Man City|0|2|0|1|8|5|1.36|1.5",
            "2022-23|191|2023-01-21T12:30:00Z|21/01/2023|Liverpool|Chelsea|0|0|0|0|1.85|3.75|4|-0.5",
            "2022-23|334|2023-05-01T19:00:00Z|01/05/2023|Leicester|Everton|2|2|2|1|2|3.5|3.75|-0.5",
            "2023-24|2|2023-08-11T19:00:00Z|11/08/2023|Burnley|Man City|0|3|0|2|8|5.5|1.33|1.5",
            "2023-24|78|2023-10-08T13:00:00Z|08/10/2023|Brighton|Liverpool|2|2|1|2|3|3.8|2.2|0.25",
            "2023-24|381|2024-05-19T15:00:00Z|19/05/2024|Sheffield United|Tottenham|0|3|0|1|7|6|1.33|1.5",
            "2024-25|4|2024-08-17T14:00:00Z|17/08/2024|Arsenal|Wolves|2|0|1|0|1.18|7.5|13|-2",
            "2024-25|151|2024-12-14T15:00:00Z|14/12/2024|Arsenal|Everton|0|0|0|0|1.22|6.5|12|-1.75",
            "2024-25|320|2025-04-14T19:00:00Z|14/04/2025|Bournemouth|Fulham|1|0|1|0|2.15|3.5|3.3|-0.25"})
    void aMatchReadsAsPublished(String season, int row, String kickOff, String date, String home, String away,
            int homeGoals, int awayGoals, int halfHome, int halfAway, String priceHome, String priceDraw,
            String priceAway, String line) {
        SeasonMatch match = SEASONS.get(season).matches().stream().filter(m -> m.row() == row).findFirst().orElseThrow();

        assertThat(match.kickOff()).as(date).isEqualTo(Instant.parse(kickOff));
        assertThat(match.home()).isEqualTo(home);
        assertThat(match.away()).isEqualTo(away);
        assertThat(List.of(match.homeGoals(), match.awayGoals(), match.halfTimeHomeGoals(), match.halfTimeAwayGoals()))
                .containsExactly(homeGoals, awayGoals, halfHome, halfAway);
        assertThat(match.opening1x2()).isEqualTo(new SeasonMatch.ThreeWay(new BigDecimal(priceHome),
                new BigDecimal(priceDraw), new BigDecimal(priceAway)));
        assertThat(match.openingHandicap().line()).isEqualByComparingTo(line);
    }

    @Test
    void badLinesAreReportedAndSkippedAndImpossiblePricesIgnored() {
        String csv = String.join("\n",
                "Date,Time,HomeTeam,AwayTeam,FTHG,FTAG,B365H,B365D,B365A,B365>2.5,B365<2.5,AHh,B365AHH,B365AHA",
                "01/08/2025,15:00,Alpha,Beta,2,1,2.10,3.40,3.50,1.90,1.95,-0.25,1.95,1.95",
                "32/13/2025,15:00,Gamma,Delta,1,1,2.00,3.00,4.00,1.90,1.95,0,1.90,2.00",
                "02/08/2025,15:00,Gamma,Delta,x,1,2.00,3.00,4.00,1.90,1.95,0,1.90,2.00",
                "03/08/2025,15:00,,Delta,1,1,2.00,3.00,4.00,1.90,1.95,0,1.90,2.00",
                "04/08/2025,17:30,Epsilon,Zeta,0,0,0.95,3.00,-4,abc,1.95,0,1.90,2.00");

        SeasonFile.Read read = SeasonFile.read("test", csv);

        assertThat(read.matches()).extracting(SeasonMatch::home).containsExactly("Alpha", "Epsilon");
        assertThat(read.matches().get(1).opening1x2()).as("a book with an impossible price is missing").isNull();
        assertThat(read.matches().get(1).openingTotal25()).isNull();
        assertThat(read.problems()).extracting(SeasonFile.Problem::row).containsExactly(3, 4, 5, 6, 6, 6);
    }
}
