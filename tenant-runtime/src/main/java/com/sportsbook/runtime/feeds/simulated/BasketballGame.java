package com.sportsbook.runtime.feeds.simulated;

import com.sportsbook.runtime.feeds.MarketType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A simulated basketball game, possession by possession: each side has the same number of possessions, spread evenly
 * over the game clock, and scores 0, 1, 2 or 3 on each with chances that give its expected points per possession
 * (from the teams' ratings, a little home advantage). Four quarters with short breaks and a longer one at half time;
 * a tie after regulation goes to five-minute overtimes. The game clock runs 2.2 times slower than simulated time. The
 * score told is points, every tick while the ball is in play; a run of eight unanswered points suspends the markets
 * for a moment and is told as an incident. The prices come from a normal approximation of the points to come.
 * Markets: match winner, total points on a half line and Asian handicaps on three half lines around the expected
 * margin.
 */
final class BasketballGame extends SimulatedEvent {

    private static final double CLOCK_FACTOR = 2.2;
    private static final long OVERTIME_MILLIS = Duration.ofMinutes(5).toMillis();
    private static final Duration QUARTER_BREAK = Duration.ofMinutes(2);
    private static final Duration HALF_TIME_BREAK = Duration.ofMinutes(15);
    private static final Duration SUSPENSION = Duration.ofSeconds(30);
    private static final int RUN = 8;
    /** Shares of a possession's outcomes per unit of scoring: three, two and one point(s); the rest is nothing. */
    private static final double THREE = 0.12;
    private static final double TWO = 0.36;
    private static final double ONE = 0.05;
    private static final double POINTS_PER_UNIT = 3 * THREE + 2 * TWO + ONE;
    private static final double SQUARES_PER_UNIT = 9 * THREE + 4 * TWO + ONE;

    private final long quarterMillis;
    private final long possessionMillis;
    private final double homeRate;
    private final double awayRate;
    private final Duration tick;
    private final SplittableRandom court;
    private final SplittableRandom noise;
    private final SimulatedMarket total;
    private double homeError;
    private double awayError;
    private int homePoints;
    private int awayPoints;
    private Integer halfTimeHome;
    private Integer halfTimeAway;
    private int period;
    private boolean inPlay;
    private Instant periodStartedAt;
    private long periodStartMillis;
    private long periodMillis;
    private long playedMillis;
    private long possessionsPlayed;
    private boolean runningForHome;
    private int run;
    private boolean runTold;
    private boolean runPending;

    BasketballGame(String ref, Rosters.Hoops league, Rosters.Team homeTeam, Rosters.Team awayTeam, Instant startsAt,
            long seed, Duration tick) {
        super(ref, "basketball", league.category(), league.name(), homeTeam.name() + " v " + awayTeam.name(),
                homeTeam.name(), awayTeam.name(), startsAt, seed);
        this.tick = tick;
        this.court = new SplittableRandom(seed);
        this.noise = court.split();
        this.quarterMillis = Duration.ofMinutes(league.quarterMinutes()).toMillis();
        this.possessionMillis = 4 * quarterMillis / league.possessions();
        double difference = homeTeam.rating() - awayTeam.rating();
        double pace = 1 + 0.03 * court.nextGaussian();
        double expectedHome = (league.averagePoints() + 1.5 + league.pointsPerRating() * difference / 2) * pace;
        double expectedAway = (league.averagePoints() - 1.5 - league.pointsPerRating() * difference / 2) * pace;
        this.homeRate = expectedHome / league.possessions();
        this.awayRate = expectedAway / league.possessions();
        this.homeError = 0.01 * noise.nextGaussian();
        this.awayError = 0.01 * noise.nextGaussian();

        market(MarketType.MATCH_WINNER, null);
        this.total = market(MarketType.TOTAL, BigDecimal.valueOf(Math.floor(expectedHome + expectedAway) + 0.5));
        double mainLine = Math.floor(expectedAway - expectedHome) + 0.5;
        for (double line : new double[] {mainLine - 4, mainLine, mainLine + 4}) {
            market(MarketType.ASIAN_HANDICAP, BigDecimal.valueOf(line));
        }
        schedule(startsAt, Priority.START, this::tipOff);
    }

    private void tipOff() {
        goLive();
        startPeriod(1);
        startTicking(tick);
    }

    private void startPeriod(int next) {
        period = next;
        inPlay = true;
        periodStartedAt = now();
        periodStartMillis = next <= 4 ? (next - 1) * quarterMillis : 4 * quarterMillis + (next - 5) * OVERTIME_MILLIS;
        periodMillis = next <= 4 ? quarterMillis : OVERTIME_MILLIS;
        schedule(now().plus(wall(periodMillis)), Priority.END, this::endPeriod);
    }

    private static Duration wall(long gameMillis) {
        return Duration.ofMillis(Math.round(gameMillis * CLOCK_FACTOR));
    }

    private void endPeriod() {
        playTo(periodStartMillis + periodMillis);
        inPlay = false;
        scoreIs(homePoints, awayPoints);
        if (period == 2) {
            halfTimeHome = homePoints;
            halfTimeAway = awayPoints;
        }
        if (period >= 4 && homePoints != awayPoints) {
            finish(homePoints, awayPoints, halfTimeHome, halfTimeAway);
            return;
        }
        int next = period + 1;
        schedule(now().plus(period == 2 ? HALF_TIME_BREAK : QUARTER_BREAK), Priority.START, () -> startPeriod(next));
        reprice();
    }

    /** Plays the possessions whose time on the game clock has come. */
    private void playTo(long gameMillis) {
        playedMillis = gameMillis;
        while ((possessionsPlayed + 1) * possessionMillis <= gameMillis) {
            possess(true);
            possess(false);
            possessionsPlayed++;
        }
    }

    private void possess(boolean home) {
        double unit = (home ? homeRate : awayRate) / POINTS_PER_UNIT;
        double draw = court.nextDouble();
        int points = draw < THREE * unit ? 3 : draw < (THREE + TWO) * unit ? 2 : draw < (THREE + TWO + ONE) * unit ? 1 : 0;
        if (points == 0) {
            return;
        }
        if (home) {
            homePoints += points;
        } else {
            awayPoints += points;
        }
        if (runningForHome == home) {
            run += points;
        } else {
            runningForHome = home;
            run = points;
            runTold = false;
        }
        if (run >= RUN && !runTold) {
            runTold = true;
            runPending = true;
        }
    }

    @Override
    void onTick() {
        homeError = 0.9 * homeError + 0.004 * noise.nextGaussian();
        awayError = 0.9 * awayError + 0.004 * noise.nextGaussian();
        if (inPlay) {
            long clock = periodStartMillis + Math.min(periodMillis,
                    Math.round(Duration.between(periodStartedAt, now()).toMillis() / CLOCK_FACTOR));
            playTo(clock);
            scoreIs(homePoints, awayPoints);
        }
        if (runPending) {
            runPending = false;
            incident("run");
            suspendFor(SUSPENSION);
        } else {
            reprice();
        }
    }

    @Override
    Map<String, BigDecimal> prices(SimulatedMarket market) {
        long scheduledEnd = period <= 4 ? 4 * quarterMillis : 4 * quarterMillis + (period - 4) * OVERTIME_MILLIS;
        double possessions = Math.max(0, scheduledEnd - playedMillis) / (double) possessionMillis;
        double homePer = homeRate * Math.exp(homeError);
        double awayPer = awayRate * Math.exp(awayError);
        double homeMore = homePer * possessions;
        double awayMore = awayPer * possessions;
        double variance = possessions * (variance(homePer) + variance(awayPer));
        double spread = Math.max(Math.sqrt(variance), 0.5);
        double margin = homePoints - awayPoints + homeMore - awayMore;
        if (market.type == MarketType.MATCH_WINNER) {
            double home = Normal.cdf(margin / spread);
            return pricer.twoWay("home", "away", new double[] {home, 1 - home});
        }
        if (market == total) {
            if (homePoints + awayPoints > market.lineValue()) {
                return null;
            }
            double over = 1 - Normal.cdf((market.lineValue() - (homePoints + awayPoints + homeMore + awayMore)) / spread);
            return pricer.twoWay("over", "under", new double[] {over, 1 - over});
        }
        if (market.type == MarketType.ASIAN_HANDICAP) {
            double home = Normal.cdf((margin + market.lineValue()) / spread);
            return pricer.twoWay("home", "away", new double[] {home, 1 - home});
        }
        return null;
    }

    /** The variance of one possession's points at this expected points per possession. */
    private static double variance(double perPossession) {
        double unit = perPossession / POINTS_PER_UNIT;
        return Math.max(SQUARES_PER_UNIT * unit - perPossession * perPossession, 0);
    }
}
