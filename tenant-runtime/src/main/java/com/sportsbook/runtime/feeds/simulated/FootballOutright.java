package com.sportsbook.runtime.feeds.simulated;

import com.sportsbook.runtime.feeds.MarketType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A football competition's winner ("Premier League 2026/27 winner"): an event without sides, starting when the
 * season is decided, with one outright market over every club. A club's chance grows exponentially with its rating
 * (plus a wandering opinion of its form); prices move every simulated hour. It is never resulted within a run.
 */
final class FootballOutright extends SimulatedEvent {

    private static final Duration TICK = Duration.ofHours(1);

    private final List<Rosters.Club> clubs;
    private final double[] strength;
    private final SplittableRandom noise;

    FootballOutright(String ref, Rosters.League league, Instant decidedAt, long seed) {
        super(ref, "football", league.category(), league.name(), league.name() + " " + season(decidedAt) + " winner", null, null,
                decidedAt, seed);
        this.clubs = league.clubs();
        this.noise = new SplittableRandom(seed);
        this.strength = new double[clubs.size()];
        for (int i = 0; i < clubs.size(); i++) {
            strength[i] = 4 * clubs.get(i).rating() + 0.15 * noise.nextGaussian();
        }
        market(MarketType.OUTRIGHT, null);
    }

    /** The season a competition decided at {@code decidedAt} is ("2026/27" for May 2027). */
    static String season(Instant decidedAt) {
        int last = LocalDate.ofInstant(decidedAt, ZoneOffset.UTC).getYear();
        return (last - 1) + "/" + String.format("%02d", last % 100);
    }

    /** The season's last afternoon (the last Sunday of May or so: the 24th, 15:00 UTC) after {@code at}. */
    static Instant decidedAt(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        int last = day.getMonthValue() >= 6 ? day.getYear() + 1 : day.getYear();
        Instant end = LocalDate.of(last, 5, 24).atTime(15, 0).toInstant(ZoneOffset.UTC);
        return end.isAfter(at) ? end : LocalDate.of(last + 1, 5, 24).atTime(15, 0).toInstant(ZoneOffset.UTC);
    }

    @Override
    void onAnnounced() {
        startTicking(TICK);
    }

    @Override
    void onTick() {
        for (int i = 0; i < strength.length; i++) {
            strength[i] += 0.03 * noise.nextGaussian();
        }
        reprice();
    }

    @Override
    Map<String, BigDecimal> prices(SimulatedMarket market) {
        Map<String, Double> fair = new LinkedHashMap<>();
        for (int i = 0; i < clubs.size(); i++) {
            fair.put(clubs.get(i).name(), Math.exp(strength[i]));
        }
        return pricer.book(fair);
    }
}
