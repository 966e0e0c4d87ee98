package com.sportsbook.runtime.settlement.core;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Grades a selection of a market from the event's result. Lines are the catalog's: totals positive, the Asian
 * handicap the home side's; whole lines can push (void), half lines cannot, quarter lines split the stake over the
 * two neighbouring lines (a half-win or half-lose). Markets on statistics a result does not carry (corners, cards,
 * scorers) cannot be graded from it: empty.
 */
public final class Grading {

    private static final BigDecimal QUARTER = new BigDecimal("0.25");
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private Grading() {
    }

    /**
     * The event's result: full-time (or final: sets, points) and half-time score (null if none), extra statistics
     * (null when not reported), and for an outright the winners (more than one: a dead heat for {@code places}).
     */
    public record Result(int home, int away, Integer halfTimeHome, Integer halfTimeAway, Integer corners, Integer cards,
            Set<String> scorers, List<String> winners, int places) {

        public static Result score(int home, int away, Integer halfTimeHome, Integer halfTimeAway) {
            return new Result(home, away, halfTimeHome, halfTimeAway, null, null, null, null, 1);
        }

        public static Result outright(List<String> winners, int places) {
            return new Result(0, 0, null, null, null, null, null, List.copyOf(winners), places);
        }

        public Result with(Integer cornersCount, Integer cardsCount, Set<String> goalscorers) {
            return new Result(home, away, halfTimeHome, halfTimeAway, cornersCount, cardsCount, goalscorers, winners, places);
        }
    }

    public static Optional<Outcome> grade(String marketType, BigDecimal line, String selection, Result result) {
        return switch (marketType) {
            case "1x2" -> Optional.of(threeWay(selection, result.home(), result.away()));
            case "half_time_result" -> result.halfTimeHome() == null ? Optional.empty()
                    : Optional.of(threeWay(selection, result.halfTimeHome(), result.halfTimeAway()));
            case "match_winner" -> Optional.of(result.home() == result.away() ? Outcome.VOID
                    : won(selection.equals("home") == result.home() > result.away()));
            case "double_chance" -> Optional.of(doubleChance(selection, result.home(), result.away()));
            case "btts" -> Optional.of(won(selection.equals("yes") == (result.home() > 0 && result.away() > 0)));
            case "correct_score" -> Optional.of(correctScore(selection, result));
            case "total" -> Optional.of(total(selection, line, result.home() + result.away()));
            case "total_corners" -> Optional.ofNullable(result.corners()).map(corners -> total(selection, line, corners));
            case "total_cards" -> Optional.ofNullable(result.cards()).map(cards -> total(selection, line, cards));
            case "asian_handicap" -> Optional.of(handicap(selection, line, result.home(), result.away()));
            case "anytime_goalscorer" -> Optional.ofNullable(result.scorers()).map(scorers -> won(scorers.contains(selection)));
            case "outright" -> Optional.ofNullable(result.winners()).map(winners -> outright(selection, winners, result.places()));
            default -> throw new IllegalArgumentException("no grading for market type " + marketType);
        };
    }

    private static Outcome threeWay(String selection, int home, int away) {
        String winner = home > away ? "home" : home < away ? "away" : "draw";
        return won(selection.equals(winner));
    }

    private static Outcome doubleChance(String selection, int home, int away) {
        String winner = home > away ? "home" : home < away ? "away" : "draw";
        return won(List.of(selection.split("_")).contains(winner));
    }

    /** "other" is any score beyond the catalog's correct-score book, which lists 0-0 to 3-3. */
    private static Outcome correctScore(String selection, Result result) {
        String score = result.home() + "-" + result.away();
        if (selection.equals("other")) {
            return won(result.home() > 3 || result.away() > 3);
        }
        return won(selection.equals(score));
    }

    /** Over or under a total; quarter lines split over their two neighbours. */
    static Outcome total(String selection, BigDecimal line, int total) {
        if (isQuarter(line)) {
            return Outcome.halves(total(selection, line.subtract(QUARTER), total), total(selection, line.add(QUARTER), total));
        }
        int compared = BigDecimal.valueOf(total).compareTo(line);
        if (compared == 0) {
            return Outcome.VOID;
        }
        return won(selection.equals("over") == compared > 0);
    }

    /** The home side's handicap {@code line}: the away side takes the opposite. */
    static Outcome handicap(String selection, BigDecimal line, int home, int away) {
        if (isQuarter(line)) {
            return Outcome.halves(handicap(selection, line.subtract(QUARTER), home, away),
                    handicap(selection, line.add(QUARTER), home, away));
        }
        int compared = BigDecimal.valueOf(home).add(line).compareTo(BigDecimal.valueOf(away));
        if (compared == 0) {
            return Outcome.VOID;
        }
        return won(selection.equals("home") == compared > 0);
    }

    private static Outcome outright(String selection, List<String> winners, int places) {
        if (!winners.contains(selection)) {
            return Outcome.LOSE;
        }
        return winners.size() <= places ? Outcome.WIN : Outcome.deadHeat(places, winners.size());
    }

    private static boolean isQuarter(BigDecimal line) {
        return line.remainder(HALF).abs().compareTo(QUARTER) == 0;
    }

    private static Outcome won(boolean won) {
        return won ? Outcome.WIN : Outcome.LOSE;
    }
}
