package com.sportsbook.runtime.feeds;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The market types the platform offers, with the event-page group each belongs to, the selection keys a feed
 * uses for it, and whether it has a line. A line is a total (positive) or a handicap (any sign) in steps of a
 * quarter: whole lines can push, half lines cannot, quarter lines split the stake over the two neighbouring lines.
 * Selection keys are fixed for most types; correct score takes scores ("2-1") and "other", and the outright and
 * goalscorer markets take participants' names.
 */
public enum MarketType {
    ONE_X_TWO("1x2", MarketGroup.MAIN, Line.NONE, List.of("home", "draw", "away")),
    MATCH_WINNER("match_winner", MarketGroup.MAIN, Line.NONE, List.of("home", "away")),
    DOUBLE_CHANCE("double_chance", MarketGroup.MAIN, Line.NONE, List.of("home_draw", "home_away", "draw_away")),
    ASIAN_HANDICAP("asian_handicap", MarketGroup.MAIN, Line.HANDICAP, List.of("home", "away")),
    TOTAL("total", MarketGroup.GOALS, Line.TOTAL, List.of("over", "under")),
    BOTH_TEAMS_TO_SCORE("btts", MarketGroup.GOALS, Line.NONE, List.of("yes", "no")),
    CORRECT_SCORE("correct_score", MarketGroup.GOALS, Line.NONE, List.of()),
    HALF_TIME_RESULT("half_time_result", MarketGroup.HALVES, Line.NONE, List.of("home", "draw", "away")),
    TOTAL_CORNERS("total_corners", MarketGroup.CORNERS, Line.TOTAL, List.of("over", "under")),
    TOTAL_CARDS("total_cards", MarketGroup.CARDS, Line.TOTAL, List.of("over", "under")),
    ANYTIME_GOALSCORER("anytime_goalscorer", MarketGroup.PLAYERS, Line.NONE, List.of()),
    OUTRIGHT("outright", MarketGroup.SPECIALS, Line.NONE, List.of());

    /** Whether a type takes a line, and which. */
    public enum Line {
        NONE,
        TOTAL,
        HANDICAP
    }

    private static final Pattern SCORE = Pattern.compile("\\d{1,2}-\\d{1,2}|other");
    private static final BigDecimal QUARTER = new BigDecimal("0.25");
    private static final BigDecimal LARGEST_LINE = new BigDecimal("500");

    private final String wire;
    private final MarketGroup group;
    private final Line line;
    private final List<String> selectionKeys;

    MarketType(String wire, MarketGroup group, Line line, List<String> selectionKeys) {
        this.wire = wire;
        this.group = group;
        this.line = line;
        this.selectionKeys = selectionKeys;
    }

    public String wire() {
        return wire;
    }

    public MarketGroup group() {
        return group;
    }

    public Line line() {
        return line;
    }

    /** The fixed selection keys, in display order; empty for types whose selections are scores or names. */
    public List<String> selectionKeys() {
        return selectionKeys;
    }

    public static Optional<MarketType> fromWire(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        String wanted = wire.strip().toLowerCase(Locale.ROOT);
        for (MarketType type : values()) {
            if (type.wire.equals(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Why a line does not fit this type, or empty when it does. */
    public Optional<String> lineProblem(BigDecimal given) {
        return switch (line) {
            case NONE -> given == null ? Optional.empty() : Optional.of("a " + wire + " market has no line");
            case TOTAL, HANDICAP -> {
                if (given == null) {
                    yield Optional.of("a " + wire + " market needs a line");
                }
                if (given.remainder(QUARTER).signum() != 0) {
                    yield Optional.of("a line is in steps of 0.25, not " + given.toPlainString());
                }
                if (line == Line.TOTAL && given.signum() <= 0) {
                    yield Optional.of("a total is above zero, not " + given.toPlainString());
                }
                yield given.abs().compareTo(LARGEST_LINE) > 0
                        ? Optional.of("a line is at most 500 either way, not " + given.toPlainString())
                        : Optional.empty();
            }
        };
    }

    /** Why a selection key does not belong to this type, or empty when it does. */
    public Optional<String> selectionProblem(String key) {
        if (key == null || key.isBlank() || key.length() > 100) {
            return Optional.of("a selection key is 1 to 100 characters");
        }
        if (!selectionKeys.isEmpty()) {
            return selectionKeys.contains(key) ? Optional.empty()
                    : Optional.of("a " + wire + " market has no selection '" + key + "'");
        }
        if (this == CORRECT_SCORE && !SCORE.matcher(key).matches()) {
            return Optional.of("a correct score selection is a score like 2-1 or 'other', not '" + key + "'");
        }
        return Optional.empty();
    }
}
