package com.sportsbook.runtime.feeds.simulated;

import com.sportsbook.runtime.feeds.MarketType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A simulated best-of-three tennis match, played game by game: the server holds with a probability from the two
 * players' ratings, a set goes to six games with a lead of two or to a tie-break at six all, and the score told is
 * sets. The prices come from an exact recursion over the games still to play (who wins, and how many games there
 * will be in all) using estimates of the hold probabilities that wander tick by tick. Markets: match winner and total
 * games on a half line. A hold re-prices; a break of serve or the end of a set suspends for a moment, then re-opens.
 * A break of serve is also told as an incident.
 */
final class TennisMatch extends SimulatedEvent {

    private static final Duration SUSPENSION = Duration.ofSeconds(30);
    private static final Duration SET_BREAK = Duration.ofMinutes(2);
    /** The most games a best-of-three match can still have: 13 + 13 + 13. */
    private static final int MOST_GAMES = 39;

    private final double homeHold;
    private final double awayHold;
    private final Duration tick;
    private final SplittableRandom court;
    private final SplittableRandom noise;
    private final SimulatedMarket total;
    private double homeError;
    private double awayError;
    private boolean homeServes;
    private int homeSets;
    private int awaySets;
    private int homeGames;
    private int awayGames;
    private int gamesPlayed;

    TennisMatch(String ref, Rosters.Tournament tournament, Rosters.Player homePlayer, Rosters.Player awayPlayer,
            Instant startsAt, long seed, Duration tick) {
        super(ref, "tennis", tournament.category(), tournament.name(), homePlayer.name() + " v " + awayPlayer.name(),
                homePlayer.name(), awayPlayer.name(), startsAt, seed);
        this.tick = tick;
        this.court = new SplittableRandom(seed);
        this.noise = court.split();
        double difference = homePlayer.rating() - awayPlayer.rating();
        double surface = 0.03 * court.nextGaussian();
        this.homeHold = clamp(0.76 + surface + 0.12 * difference, 0.55, 0.93);
        this.awayHold = clamp(0.76 + surface - 0.12 * difference, 0.55, 0.93);
        this.homeError = 0.02 * noise.nextGaussian();
        this.awayError = 0.02 * noise.nextGaussian();
        this.homeServes = court.nextBoolean();

        market(MarketType.MATCH_WINNER, null);
        double expectedGames = expectedGames(homeHold, awayHold, homeServes);
        this.total = market(MarketType.TOTAL, BigDecimal.valueOf(Math.floor(expectedGames) + 0.5));
        schedule(startsAt, Priority.START, this::start);
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }

    private static double expectedGames(double homeHold, double awayHold, boolean homeServes) {
        double[][] outcomes = new Recursion(homeHold, awayHold).match(0, 0, 0, 0, homeServes);
        double expected = 0;
        for (double[] byWinner : outcomes) {
            for (int g = 0; g < byWinner.length; g++) {
                expected += g * byWinner[g];
            }
        }
        return expected;
    }

    private void start() {
        goLive();
        startTicking(tick);
        schedule(now().plus(gameLength()), Priority.PLAY, this::game);
    }

    private Duration gameLength() {
        boolean tieBreak = homeGames == 6 && awayGames == 6;
        return minutes(tieBreak ? 8 + 6 * court.nextDouble() : 3.5 + 3 * court.nextDouble());
    }

    private void game() {
        boolean tieBreak = homeGames == 6 && awayGames == 6;
        boolean homeWins = tieBreak ? court.nextDouble() < Recursion.tieBreak(homeHold, awayHold)
                : homeServes ? court.nextDouble() < homeHold : court.nextDouble() >= awayHold;
        boolean broken = !tieBreak && homeWins != homeServes;
        if (broken) {
            incident("break");
        }
        homeServes = !homeServes;
        gamesPlayed++;
        if (homeWins) {
            homeGames++;
        } else {
            awayGames++;
        }
        if (Recursion.setOver(homeGames, awayGames) || Recursion.setOver(awayGames, homeGames)) {
            if (homeWins) {
                homeSets++;
            } else {
                awaySets++;
            }
            homeGames = 0;
            awayGames = 0;
            if (homeSets == 2 || awaySets == 2) {
                finish(homeSets, awaySets, null, null);
                return;
            }
            scoreIs(homeSets, awaySets);
            suspendFor(SUSPENSION);
            schedule(now().plus(SET_BREAK).plus(gameLength()), Priority.PLAY, this::game);
            return;
        }
        if (broken) {
            suspendFor(SUSPENSION);
        } else {
            reprice();
        }
        schedule(now().plus(gameLength()), Priority.PLAY, this::game);
    }

    @Override
    void onTick() {
        homeError = 0.9 * homeError + 0.006 * noise.nextGaussian();
        awayError = 0.9 * awayError + 0.006 * noise.nextGaussian();
        reprice();
    }

    @Override
    Map<String, BigDecimal> prices(SimulatedMarket market) {
        double[][] outcomes = new Recursion(clamp(homeHold + homeError, 0.5, 0.95), clamp(awayHold + awayError, 0.5, 0.95))
                .match(homeSets, awaySets, homeGames, awayGames, homeServes);
        if (market.type == MarketType.MATCH_WINNER) {
            double home = Arrays.stream(outcomes[0]).sum();
            return pricer.twoWay("home", "away", new double[] {home, 1 - home});
        }
        if (market == total) {
            double[] games = new double[MOST_GAMES + 1];
            for (double[] byWinner : outcomes) {
                for (int g = 0; g < byWinner.length; g++) {
                    games[g] += byWinner[g];
                }
            }
            double[] split = Pricer.asian(games, gamesPlayed, market.lineValue(), -1);
            return split == null ? null : pricer.twoWay("over", "under", split);
        }
        return null;
    }

    /**
     * The exact chances from a state of the match: who wins, by how many more games. A tie-break counts as one game;
     * service alternates every game, the tie-break included.
     */
    private static final class Recursion {

        private final double homeHold;
        private final double awayHold;
        private final double[][][][][] sets = new double[8][8][2][][];

        Recursion(double homeHold, double awayHold) {
            this.homeHold = homeHold;
            this.awayHold = awayHold;
        }

        static boolean setOver(int games, int otherGames) {
            return games >= 6 && games - otherGames >= 2 || games == 7 && otherGames == 6;
        }

        static double tieBreak(double homeHold, double awayHold) {
            return clamp(0.5 + 1.2 * (homeHold - awayHold), 0.2, 0.8);
        }

        /** [winner: 0 home, 1 away][more games] from sets and games so far with the given server. */
        double[][] match(int homeSets, int awaySets, int homeGames, int awayGames, boolean homeServes) {
            double[][] outcomes = new double[2][MOST_GAMES + 1];
            double[][] set = set(homeGames, awayGames, homeServes);
            for (int winner = 0; winner < 2; winner++) {
                for (int g = 0; g < set[winner].length; g++) {
                    double p = set[winner][g];
                    if (p == 0) {
                        continue;
                    }
                    int nextHome = homeSets + (winner == 0 ? 1 : 0);
                    int nextAway = awaySets + (winner == 1 ? 1 : 0);
                    if (nextHome == 2 || nextAway == 2) {
                        outcomes[winner][g] += p;
                        continue;
                    }
                    boolean nextServer = g % 2 == 0 ? homeServes : !homeServes;
                    double[][] rest = match(nextHome, nextAway, 0, 0, nextServer);
                    for (int w = 0; w < 2; w++) {
                        for (int more = 0; more + g <= MOST_GAMES; more++) {
                            outcomes[w][more + g] += p * rest[w][more];
                        }
                    }
                }
            }
            return outcomes;
        }

        /** [winner][more games] of the current set from its games so far with the given server. */
        private double[][] set(int homeGames, int awayGames, boolean homeServes) {
            int server = homeServes ? 0 : 1;
            double[][] known = sets[homeGames][awayGames][server];
            if (known != null) {
                return known;
            }
            double[][] outcomes = new double[2][14];
            if (setOver(homeGames, awayGames)) {
                outcomes[0][0] = 1;
            } else if (setOver(awayGames, homeGames)) {
                outcomes[1][0] = 1;
            } else if (homeGames == 6 && awayGames == 6) {
                double home = tieBreak(homeHold, awayHold);
                outcomes[0][1] = home;
                outcomes[1][1] = 1 - home;
            } else {
                double homeTakes = homeServes ? homeHold : 1 - awayHold;
                double[][] won = set(homeGames + 1, awayGames, !homeServes);
                double[][] lost = set(homeGames, awayGames + 1, !homeServes);
                for (int w = 0; w < 2; w++) {
                    for (int g = 0; g < 13; g++) {
                        outcomes[w][g + 1] += homeTakes * won[w][g] + (1 - homeTakes) * lost[w][g];
                    }
                }
            }
            sets[homeGames][awayGames][server] = outcomes;
            return outcomes;
        }
    }
}
