package com.sportsbook.runtime.settlement.core;

import java.util.Optional;

/**
 * Whether a final result is possible for its sport, before anyone is paid on it: scores from 0 to 999; football's
 * half-time score within the full-time score, scorers only when goals were scored and no more of them than goals;
 * tennis in sets (best of three or five: the winner has two or three, the loser fewer, never a draw); basketball
 * never drawn. Corners and cards are not negative.
 */
public final class ScoreRules {

    private static final int MAX = 999;

    private ScoreRules() {
    }

    /** Why the result is impossible, or empty when it is possible. */
    public static Optional<String> impossibility(String sport, Grading.Result result) {
        if (result.home() < 0 || result.away() < 0 || result.home() > MAX || result.away() > MAX) {
            return Optional.of("scores run from 0 to " + MAX);
        }
        if (negativeOrAbsurd(result.halfTimeHome()) || negativeOrAbsurd(result.halfTimeAway())
                || negativeOrAbsurd(result.corners()) || negativeOrAbsurd(result.cards())) {
            return Optional.of("half-time scores, corners and cards run from 0 to " + MAX);
        }
        if ((result.halfTimeHome() == null) != (result.halfTimeAway() == null)) {
            return Optional.of("a half-time score needs both sides");
        }
        if (result.halfTimeHome() != null && (result.halfTimeHome() > result.home() || result.halfTimeAway() > result.away())) {
            return Optional.of("the half-time score " + result.halfTimeHome() + "-" + result.halfTimeAway()
                    + " is above the full-time score " + result.home() + "-" + result.away());
        }
        if (result.scorers() != null && !result.scorers().isEmpty() && result.scorers().size() > result.home() + result.away()) {
            return Optional.of("more goalscorers (" + result.scorers().size() + ") than goals (" + (result.home() + result.away()) + ")");
        }
        return switch (sport) {
            case "tennis" -> tennis(result);
            case "basketball" -> result.home() == result.away()
                    ? Optional.of("a basketball game is never drawn (overtime decides it)") : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<String> tennis(Grading.Result result) {
        int winner = Math.max(result.home(), result.away());
        int loser = Math.min(result.home(), result.away());
        if (winner == loser || winner < 2 || winner > 3 || (winner == 2 && loser > 1)) {
            return Optional.of("a tennis result is in sets: the winner takes 2 (of 3) or 3 (of 5), the loser fewer");
        }
        return Optional.empty();
    }

    private static boolean negativeOrAbsurd(Integer value) {
        return value != null && (value < 0 || value > MAX);
    }
}
