package com.sportsbook.runtime.catalog.ingest;

import com.sportsbook.runtime.feeds.FeedMessage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the feed has said about each event not yet resulted: its latest announcement and the latest state of each of
 * its markets (prices merged across messages, so a suspension keeps the last prices). A tenant that was not there
 * when it was said (a brand that went live a minute ago, a tenant that lacks one event) gets it replayed as a short
 * sequence of messages with rising versions, ending at the latest version the feed used, so what the feed sends next
 * applies and what it sent before stays stale.
 */
public final class FeedState {

    private static final class EventState {
        final long firstVersion;
        FeedMessage.EventUpdate announcement;
        final Map<String, FeedMessage.MarketUpdate> markets = new LinkedHashMap<>();

        EventState(FeedMessage.EventUpdate announcement) {
            this.firstVersion = announcement.version();
            this.announcement = announcement;
        }
    }

    private final Map<String, EventState> events = new ConcurrentHashMap<>();

    /** Remembers a screened message (call in feed order). */
    public void record(FeedMessage message) {
        switch (message) {
            case FeedMessage.EventUpdate event -> events.compute(event.eventRef(), (ref, state) -> {
                if (state == null) {
                    return new EventState(event);
                }
                synchronized (state) {
                    if (event.version() > state.announcement.version()) {
                        state.announcement = event;
                    }
                }
                return state;
            });
            case FeedMessage.MarketUpdate market -> {
                EventState state = events.get(market.eventRef());
                if (state != null) {
                    synchronized (state) {
                        state.markets.merge(market.marketRef(), market, FeedState::merged);
                    }
                }
            }
            case FeedMessage.Result result -> events.remove(result.eventRef());
            case FeedMessage.Incident incident -> {
                // not replayed: a tenant that takes an event in later holds no bet an earlier incident could void
            }
        }
    }

    /** Everything known, event by event, as messages a new tenant can take in order. */
    public List<FeedMessage> replayAll() {
        List<FeedMessage> all = new ArrayList<>();
        for (String event : List.copyOf(events.keySet())) {
            all.addAll(replay(event, Long.MAX_VALUE));
        }
        return all;
    }

    /** What is known about one event from versions below {@code below}, as messages in order (empty if nothing). */
    public List<FeedMessage> replay(String eventRef, long below) {
        EventState state = events.get(eventRef);
        if (state == null || state.firstVersion >= below) {
            return List.of();
        }
        synchronized (state) {
            FeedMessage.EventUpdate latest = state.announcement;
            List<FeedMessage> messages = new ArrayList<>();
            messages.add(withVersion(latest, state.firstVersion));
            state.markets.values().stream()
                    .filter(market -> market.version() > state.firstVersion && market.version() < below)
                    .sorted(Comparator.comparingLong(FeedMessage::version))
                    .forEach(messages::add);
            long last = messages.getLast().version();
            if (latest.version() > last && latest.version() < below) {
                messages.add(latest);
            }
            return messages;
        }
    }

    private static FeedMessage.MarketUpdate merged(FeedMessage.MarketUpdate before, FeedMessage.MarketUpdate after) {
        if (after.version() < before.version()) {
            return before;
        }
        Map<String, BigDecimal> prices = new LinkedHashMap<>(before.prices());
        prices.putAll(after.prices());
        return new FeedMessage.MarketUpdate(after.eventRef(), after.version(), after.marketRef(), after.type(), after.line(),
                after.status(), prices);
    }

    private static FeedMessage.EventUpdate withVersion(FeedMessage.EventUpdate event, long version) {
        return new FeedMessage.EventUpdate(event.eventRef(), version, event.sport(), event.category(), event.competition(),
                event.name(), event.home(), event.away(), event.startsAt(), event.status(), event.score());
    }
}
