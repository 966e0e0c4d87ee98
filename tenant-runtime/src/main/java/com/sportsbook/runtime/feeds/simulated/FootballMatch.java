package com.sportsbook.runtime.feeds.simulated;

import com.sportsbook.runtime.feeds.MarketType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A simulated football match. What happens on the pitch is drawn once, up front, from the event's seed: goals,
 * corners and cards arrive as Poisson processes over the minutes played (home and away expected goals from the
 * clubs' ratings), with stoppage time in each half and a 15-minute break. The prices come from a separate model of
 * the same rates, each carrying a small estimation error that wanders tick by tick: the goals still to come in the
 * remaining time are Poisson, added to the score so far. Markets: 1X2, double chance, total goals (1.5, 2.5, 2.75,
 * 3.5), Asian handicap (home -0.5, -0.25, 0, +0.5), both teams to score, correct score (0-0 to 3-3 and other),
 * half-time result (until half time), total corners 9.5, total cards 4.5 and anytime goalscorer. A goal is also told
 * as an incident.
 */
final class FootballMatch extends SimulatedEvent {

    private enum Phase {
        PRE_MATCH,
        FIRST_HALF,
        HALF_TIME,
        SECOND_HALF,
        OVER
    }

    /** Minutes played in a typical match (45 + 2 and 45 + 4): the unit the rates are given in. */
    private static final double NOMINAL_MINUTES = 96;
    private static final double NOMINAL_FIRST_HALF = 47;
    private static final double NOMINAL_SECOND_HALF = 49;
    private static final Duration HALF_TIME_BREAK = Duration.ofMinutes(15);
    private static final Duration GOAL_SUSPENSION = Duration.ofSeconds(90);
    private static final int MOST_GOALS = 10;
    private static final int MOST_COUNT = 40;
    private static final int GRID = 3;
    /** A correct score less likely than this (about a 250 shot) is not offered. */
    private static final double LEAST_SCORE = 0.004;
    /** A goalscorer less likely than this (about a 100 shot) is not offered. */
    private static final double LEAST_SCORER = 0.01;
    private static final double[] SCORER_SHARES = {0.30, 0.18, 0.12};
    private static final List<BigDecimal> TOTAL_LINES = lines("1.5", "2.5", "2.75", "3.5");
    private static final List<BigDecimal> HANDICAP_LINES = lines("-0.5", "-0.25", "0", "0.5");

    private final Rosters.Club homeClub;
    private final Rosters.Club awayClub;
    private final double homeRate;
    private final double awayRate;
    private final double cornerRate;
    private final double cardRate;
    private final double firstHalfEnd;
    private final double fullTime;
    private final Instant secondHalfStart;
    private final Duration tick;
    private final SplittableRandom noise;
    private double homeError;
    private double awayError;
    private double cornerError;
    private double cardError;
    private Phase phase = Phase.PRE_MATCH;
    private int homeGoals;
    private int awayGoals;
    private int corners;
    private int cards;
    private Integer halfTimeHome;
    private Integer halfTimeAway;
    private final Set<String> scorers = new HashSet<>();

    FootballMatch(String ref, Rosters.League league, Rosters.Club homeClub, Rosters.Club awayClub, Instant startsAt,
            long seed, Duration tick) {
        super(ref, "football", league.category(), league.name(), homeClub.name() + " v " + awayClub.name(),
                homeClub.name(), awayClub.name(), startsAt, seed);
        this.homeClub = homeClub;
        this.awayClub = awayClub;
        this.tick = tick;
        SplittableRandom pitch = new SplittableRandom(seed);
        this.noise = pitch.split();
        double difference = homeClub.rating() - awayClub.rating();
        double form = Math.exp(0.08 * pitch.nextGaussian());
        this.homeRate = 1.45 * Math.exp(0.55 * difference) * form;
        this.awayRate = 1.15 * Math.exp(-0.55 * difference) * form;
        this.cornerRate = 10.0 * Math.exp(0.1 * pitch.nextGaussian());
        this.cardRate = 4.2 * Math.exp(0.15 * pitch.nextGaussian());
        this.homeError = 0.06 * noise.nextGaussian();
        this.awayError = 0.06 * noise.nextGaussian();
        this.cornerError = 0.05 * noise.nextGaussian();
        this.cardError = 0.05 * noise.nextGaussian();
        this.firstHalfEnd = 45 + 1 + pitch.nextInt(4);
        this.fullTime = firstHalfEnd + 45 + 2 + pitch.nextInt(5);
        this.secondHalfStart = startsAt.plus(minutes(firstHalfEnd)).plus(HALF_TIME_BREAK);

        market(MarketType.ONE_X_TWO, null);
        market(MarketType.DOUBLE_CHANCE, null);
        TOTAL_LINES.forEach(line -> market(MarketType.TOTAL, line));
        HANDICAP_LINES.forEach(line -> market(MarketType.ASIAN_HANDICAP, line));
        market(MarketType.BOTH_TEAMS_TO_SCORE, null);
        market(MarketType.CORRECT_SCORE, null);
        market(MarketType.HALF_TIME_RESULT, null);
        market(MarketType.TOTAL_CORNERS, new BigDecimal("9.5"));
        market(MarketType.TOTAL_CARDS, new BigDecimal("4.5"));
        market(MarketType.ANYTIME_GOALSCORER, null);

        schedule(startsAt, Priority.START, this::kickOff);
        for (double played : arrivals(pitch, homeRate)) {
            String scorer = scorer(pitch, homeClub);
            schedule(at(played), Priority.PLAY, () -> goal(true, scorer));
        }
        for (double played : arrivals(pitch, awayRate)) {
            String scorer = scorer(pitch, awayClub);
            schedule(at(played), Priority.PLAY, () -> goal(false, scorer));
        }
        for (double played : arrivals(pitch, cornerRate)) {
            schedule(at(played), Priority.PLAY, () -> corners++);
        }
        for (double played : arrivals(pitch, cardRate)) {
            schedule(at(played), Priority.PLAY, () -> cards++);
        }
        schedule(startsAt.plus(minutes(firstHalfEnd)), Priority.END, this::halfTime);
        schedule(secondHalfStart, Priority.START, this::secondHalf);
        schedule(at(fullTime), Priority.END, this::fullTime);
    }

    private static List<BigDecimal> lines(String... lines) {
        return java.util.Arrays.stream(lines).map(BigDecimal::new).toList();
    }

    /** The minutes played at which a Poisson process of {@code rate} per nominal match arrives. */
    private List<Double> arrivals(SplittableRandom pitch, double rate) {
        double perMinute = rate / NOMINAL_MINUTES;
        List<Double> arrivals = new ArrayList<>();
        double played = Poisson.waiting(perMinute, pitch.nextDouble());
        while (played < fullTime) {
            arrivals.add(played);
            played += Poisson.waiting(perMinute, pitch.nextDouble());
        }
        return arrivals;
    }

    /** Who scores: one of the club's named scorers by share, or nobody named (drawn with the goal's minute). */
    private String scorer(SplittableRandom pitch, Rosters.Club club) {
        double draw = pitch.nextDouble();
        for (int i = 0; i < club.scorers().size() && i < SCORER_SHARES.length; i++) {
            if (draw < SCORER_SHARES[i]) {
                return club.scorers().get(i);
            }
            draw -= SCORER_SHARES[i];
        }
        return null;
    }

    /** The instant a minute played falls on: the half-time break is not played. */
    private Instant at(double played) {
        long seconds = (long) Math.floor(played * 60);
        Instant at = startsAt.plusSeconds(seconds);
        return played >= firstHalfEnd ? at.plus(HALF_TIME_BREAK) : at;
    }

    private double played() {
        return switch (phase) {
            case PRE_MATCH -> 0;
            case FIRST_HALF -> Math.min(Duration.between(startsAt, now()).toMillis() / 60_000.0, firstHalfEnd);
            case HALF_TIME -> firstHalfEnd;
            case SECOND_HALF -> Math.min(firstHalfEnd + Duration.between(secondHalfStart, now()).toMillis() / 60_000.0,
                    fullTime);
            case OVER -> fullTime;
        };
    }

    /** The nominal minutes still to play (at least half a minute while the ball is in play). */
    private double remaining() {
        double played = played();
        if (phase == Phase.PRE_MATCH || phase == Phase.FIRST_HALF) {
            return Math.max(NOMINAL_FIRST_HALF - played, 0.5) + NOMINAL_SECOND_HALF;
        }
        return Math.max(NOMINAL_SECOND_HALF - (played - firstHalfEnd), 0.5);
    }

    private double remainingFirstHalf() {
        return phase == Phase.PRE_MATCH || phase == Phase.FIRST_HALF ? Math.max(NOMINAL_FIRST_HALF - played(), 0.5) : 0;
    }

    // ---- what happens -------------------------------------------------------------------------------------------

    private void kickOff() {
        phase = Phase.FIRST_HALF;
        goLive();
        startTicking(tick);
    }

    private void goal(boolean forHome, String scorer) {
        if (forHome) {
            homeGoals++;
        } else {
            awayGoals++;
        }
        if (scorer != null) {
            scorers.add(scorer);
        }
        incident("goal");
        scoreIs(homeGoals, awayGoals);
        suspendFor(GOAL_SUSPENSION);
    }

    private void halfTime() {
        phase = Phase.HALF_TIME;
        halfTimeHome = homeGoals;
        halfTimeAway = awayGoals;
        stopTicking();
        reprice();
    }

    private void secondHalf() {
        phase = Phase.SECOND_HALF;
        reprice();
        startTicking(tick);
    }

    private void fullTime() {
        phase = Phase.OVER;
        finish(homeGoals, awayGoals, halfTimeHome, halfTimeAway);
    }

    @Override
    void onTick() {
        double step = phase == Phase.PRE_MATCH ? 0.015 : 0.02;
        homeError = 0.9 * homeError + step * noise.nextGaussian();
        awayError = 0.9 * awayError + step * noise.nextGaussian();
        cornerError = 0.9 * cornerError + step * noise.nextGaussian();
        cardError = 0.9 * cardError + step * noise.nextGaussian();
        reprice();
    }

    @Override
    boolean movesWithScore(SimulatedMarket market) {
        return market.type != MarketType.TOTAL_CORNERS && market.type != MarketType.TOTAL_CARDS;
    }

    // ---- prices -------------------------------------------------------------------------------------------------

    @Override
    Map<String, BigDecimal> prices(SimulatedMarket market) {
        if (phase == Phase.OVER) {
            return null;
        }
        double share = remaining() / NOMINAL_MINUTES;
        double homeMean = homeRate * Math.exp(homeError) * share;
        double awayMean = awayRate * Math.exp(awayError) * share;
        double[] homeMore = Poisson.probabilities(homeMean, MOST_GOALS);
        double[] awayMore = Poisson.probabilities(awayMean, MOST_GOALS);
        return switch (market.type) {
            case ONE_X_TWO -> threeWay(result(homeMore, awayMore));
            case DOUBLE_CHANCE -> {
                double[] r = result(homeMore, awayMore);
                Map<String, BigDecimal> prices = new LinkedHashMap<>();
                prices.put("home_draw", pricer.single(r[0] + r[1]));
                prices.put("home_away", pricer.single(r[0] + r[2]));
                prices.put("draw_away", pricer.single(r[1] + r[2]));
                yield prices;
            }
            case TOTAL -> overUnder(totals(homeMore, awayMore), homeGoals + awayGoals, market.lineValue());
            case ASIAN_HANDICAP -> {
                double[] split = Pricer.asian(differences(homeMore, awayMore), homeGoals - awayGoals - MOST_GOALS,
                        market.lineValue(), 1);
                yield split == null ? null : pricer.twoWay("home", "away", split);
            }
            case BOTH_TEAMS_TO_SCORE -> {
                if (homeGoals > 0 && awayGoals > 0) {
                    yield null;
                }
                double yes = (homeGoals > 0 ? 1 : Poisson.atLeastOne(homeMean))
                        * (awayGoals > 0 ? 1 : Poisson.atLeastOne(awayMean));
                yield pricer.twoWay("yes", "no", new double[] {yes, 1 - yes});
            }
            case CORRECT_SCORE -> correctScore(homeMore, awayMore);
            case HALF_TIME_RESULT -> {
                if (phase != Phase.PRE_MATCH && phase != Phase.FIRST_HALF) {
                    yield null;
                }
                double firstHalf = remainingFirstHalf() / NOMINAL_MINUTES;
                yield threeWay(result(Poisson.probabilities(homeRate * Math.exp(homeError) * firstHalf, MOST_GOALS),
                        Poisson.probabilities(awayRate * Math.exp(awayError) * firstHalf, MOST_GOALS)));
            }
            case TOTAL_CORNERS -> overUnder(Poisson.probabilities(cornerRate * Math.exp(cornerError) * share, MOST_COUNT),
                    corners, market.lineValue());
            case TOTAL_CARDS -> overUnder(Poisson.probabilities(cardRate * Math.exp(cardError) * share, MOST_COUNT),
                    cards, market.lineValue());
            case ANYTIME_GOALSCORER -> goalscorers(homeMean, awayMean);
            default -> null;
        };
    }

    private Map<String, BigDecimal> threeWay(double[] result) {
        Map<String, Double> fair = new LinkedHashMap<>();
        fair.put("home", result[0]);
        fair.put("draw", result[1]);
        fair.put("away", result[2]);
        return pricer.book(fair);
    }

    private Map<String, BigDecimal> overUnder(double[] more, int sofar, double line) {
        double[] split = Pricer.asian(more, sofar, line, -1);
        return split == null ? null : pricer.twoWay("over", "under", split);
    }

    /** P(home win), P(draw), P(away win) at the end, from the goals to come and the score so far. */
    private double[] result(double[] homeMore, double[] awayMore) {
        double[] result = new double[3];
        for (int h = 0; h < homeMore.length; h++) {
            for (int a = 0; a < awayMore.length; a++) {
                int difference = homeGoals + h - awayGoals - a;
                result[difference > 0 ? 0 : difference == 0 ? 1 : 2] += homeMore[h] * awayMore[a];
            }
        }
        return result;
    }

    /** P(k more goals in all), k = 0..20. */
    private static double[] totals(double[] homeMore, double[] awayMore) {
        double[] totals = new double[homeMore.length + awayMore.length - 1];
        for (int h = 0; h < homeMore.length; h++) {
            for (int a = 0; a < awayMore.length; a++) {
                totals[h + a] += homeMore[h] * awayMore[a];
            }
        }
        return totals;
    }

    /** P(the home side outscores the away side by d from now), d = -10..10 at index d + 10. */
    private static double[] differences(double[] homeMore, double[] awayMore) {
        double[] differences = new double[2 * MOST_GOALS + 1];
        for (int h = 0; h < homeMore.length; h++) {
            for (int a = 0; a < awayMore.length; a++) {
                differences[h - a + MOST_GOALS] += homeMore[h] * awayMore[a];
            }
        }
        return differences;
    }

    /**
     * The scores 0-0 to 3-3 still possible and likely enough to offer, and "other" for the rest (what is not offered
     * falls to it); decided once only one of them is left.
     */
    private Map<String, BigDecimal> correctScore(double[] homeMore, double[] awayMore) {
        Map<String, Double> fair = new LinkedHashMap<>();
        double offered = 0;
        for (int h = homeGoals; h <= GRID; h++) {
            for (int a = awayGoals; a <= GRID; a++) {
                double p = homeMore[h - homeGoals] * awayMore[a - awayGoals];
                if (p >= LEAST_SCORE) {
                    fair.put(h + "-" + a, p);
                    offered += p;
                }
            }
        }
        double other = 1 - offered;
        if (other >= LEAST_SCORE) {
            fair.put("other", other);
        }
        return fair.size() < 2 ? null : pricer.book(fair);
    }

    /** Each named scorer who has not scored yet, priced on his share of his side's goals to come. */
    private Map<String, BigDecimal> goalscorers(double homeMean, double awayMean) {
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        addScorers(prices, homeClub, homeMean);
        addScorers(prices, awayClub, awayMean);
        return prices.isEmpty() ? null : prices;
    }

    private void addScorers(Map<String, BigDecimal> prices, Rosters.Club club, double mean) {
        for (int i = 0; i < club.scorers().size() && i < SCORER_SHARES.length; i++) {
            String player = club.scorers().get(i);
            double p = Poisson.atLeastOne(SCORER_SHARES[i] * mean);
            if (!scorers.contains(player) && p >= LEAST_SCORER) {
                prices.put(player, pricer.single(p));
            }
        }
    }
}
