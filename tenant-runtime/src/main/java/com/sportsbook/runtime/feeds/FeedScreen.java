package com.sportsbook.runtime.feeds;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every feed's messages pass before ingestion: an event must be announced before its markets and result, a
 * price must be at least 1.01, and versions must rise per event (a duplicate or an older version is dropped). A
 * message that fails is skipped with its reason and the feed goes on. Market lines and selection keys must fit the
 * market's type. An incident must be of a known kind and say when it occurred; it passes whatever its version (a
 * late report is the point of it), and the catalog keeps the same incident once. One screen per feed run.
 */
public final class FeedScreen {

    static final BigDecimal MINIMUM_PRICE = new BigDecimal("1.01");

    public record Skipped(FeedMessage message, String reason) {
    }

    public record Screened(List<FeedMessage> accepted, List<Skipped> skipped) {
    }

    private final VersionGate gate = new VersionGate();
    private final Set<String> announced = new HashSet<>();
    private final boolean requireAnnouncement;

    /** A screen for one run of a feed that announces every event it later prices (replays, the simulated feed). */
    public FeedScreen() {
        this(true);
    }

    private FeedScreen(boolean requireAnnouncement) {
        this.requireAnnouncement = requireAnnouncement;
    }

    /**
     * A screen for a feed that outlives this process (a provider pushing over HTTP): its events may have been
     * announced before a restart, so unknown events are left to each tenant's catalog to judge.
     */
    public static FeedScreen forLongLivedFeed() {
        return new FeedScreen(false);
    }

    public Screened screen(List<FeedMessage> messages) {
        List<FeedMessage> accepted = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (FeedMessage message : messages) {
            String problem = problem(message);
            if (problem != null) {
                skipped.add(new Skipped(message, problem));
                continue;
            }
            if (message instanceof FeedMessage.Incident) {
                // not through the version gate: it would drop a late report, and mark its version as applied
                accepted.add(message);
                continue;
            }
            switch (gate.offer(message)) {
                case APPLY -> {
                    if (message instanceof FeedMessage.EventUpdate) {
                        announced.add(message.eventRef());
                    }
                    accepted.add(message);
                }
                case DUPLICATE -> skipped.add(new Skipped(message, "duplicate of version " + message.version()));
                case STALE -> skipped.add(new Skipped(message, "older than the version already applied"));
            }
        }
        return new Screened(List.copyOf(accepted), List.copyOf(skipped));
    }

    private String problem(FeedMessage message) {
        if (message.version() <= 0) {
            return "a version is a positive number";
        }
        if (requireAnnouncement && !(message instanceof FeedMessage.EventUpdate) && !announced.contains(message.eventRef())) {
            return "unknown event " + message.eventRef();
        }
        if (message instanceof FeedMessage.EventUpdate event && (event.sport() == null || event.name() == null
                || event.startsAt() == null || event.status() == null)) {
            return "an event names its sport, name, start and status";
        }
        if (message instanceof FeedMessage.MarketUpdate market) {
            if (market.marketRef() == null || market.type() == null || market.status() == null) {
                return "a market names its reference, type and status";
            }
            String line = market.type().lineProblem(market.line()).orElse(null);
            if (line != null) {
                return line;
            }
            for (Map.Entry<String, BigDecimal> price : market.prices().entrySet()) {
                String selection = market.type().selectionProblem(price.getKey()).orElse(null);
                if (selection != null) {
                    return selection;
                }
                if (price.getValue() == null || price.getValue().compareTo(MINIMUM_PRICE) < 0) {
                    return "the price of " + price.getKey() + " (" + price.getValue() + ") is below 1.01";
                }
            }
        }
        if (message instanceof FeedMessage.Result result && (result.homeGoals() < 0 || result.awayGoals() < 0)) {
            return "a score is not negative";
        }
        if (message instanceof FeedMessage.Incident incident) {
            return incident.problem().orElse(null);
        }
        return null;
    }
}
