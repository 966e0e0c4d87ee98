package com.sportsbook.runtime.realtime;

import com.sportsbook.runtime.catalog.CatalogChange;
import com.sportsbook.runtime.pricing.Odds;
import com.sportsbook.runtime.pricing.OddsFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clients connected to this replica and what each subscribed to (events and markets of one tenant). A change
 * from the bus goes to the clients subscribed to its event or market, as a delta in the client's odds format. Each
 * client belongs to one push lane (a single thread), so it receives changes in order while lanes write to their
 * clients in parallel. A client whose connection fails is dropped; it resyncs when it reconnects.
 */
final class LiveHub implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One connected skin. */
    static final class Client {
        final String tenant;
        final Set<UUID> events;
        final Set<UUID> markets;
        final OddsFormat format;
        final SseEmitter emitter;
        final AtomicLong sequence = new AtomicLong();
        final int lane;

        Client(String tenant, Set<UUID> events, Set<UUID> markets, OddsFormat format, SseEmitter emitter) {
            this.tenant = tenant;
            this.events = Set.copyOf(events);
            this.markets = Set.copyOf(markets);
            this.format = format;
            this.emitter = emitter;
            this.lane = Math.floorMod(System.identityHashCode(this), Integer.MAX_VALUE);
        }
    }

    record Price(String decimal, String display) {
    }

    record Move(UUID selectionId, String key, Price price, String direction) {
    }

    record Score(int home, int away) {
    }

    /** What a skin receives for one change. */
    record Delta(String type, UUID eventId, UUID marketId, long version, String status, Score score, List<Move> prices,
            String ingestedAt) {
    }

    record Snapshot(String type, List<Delta> changes) {
    }

    private final Map<String, Set<Client>> byKey = new ConcurrentHashMap<>();
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final List<ExecutorService> lanes;

    LiveHub(List<ExecutorService> lanes) {
        this.lanes = List.copyOf(lanes);
    }

    void connect(Client client, List<CatalogChange> snapshot) {
        clients.add(client);
        client.events.forEach(event -> byKey.computeIfAbsent(key(client.tenant, event), k -> ConcurrentHashMap.newKeySet()).add(client));
        client.markets.forEach(market -> byKey.computeIfAbsent(key(client.tenant, market), k -> ConcurrentHashMap.newKeySet()).add(client));
        client.emitter.onCompletion(() -> disconnect(client));
        client.emitter.onTimeout(() -> disconnect(client));
        client.emitter.onError(error -> disconnect(client));
        send(client, "snapshot", JSON.writeValueAsString(new Snapshot("snapshot",
                snapshot.stream().map(change -> delta(change, client.format)).toList())));
    }

    int connected() {
        return clients.size();
    }

    /** Hands the change to the push lanes; returns at once (the bus and ingestion never wait for slow clients). */
    void deliver(CatalogChange change) {
        Set<Client> targets = new LinkedHashSet<>(byKey.getOrDefault(key(change.tenant(), change.eventId()), Set.of()));
        if (change instanceof CatalogChange.MarketChanged market) {
            targets.addAll(byKey.getOrDefault(key(change.tenant(), market.marketId()), Set.of()));
        }
        if (targets.isEmpty()) {
            return;
        }
        Map<Integer, List<Client>> byLane = new HashMap<>();
        targets.forEach(client -> byLane.computeIfAbsent(client.lane % lanes.size(), lane -> new ArrayList<>()).add(client));
        byLane.forEach((lane, clients) -> lanes.get(lane).execute(() -> push(change, clients)));
    }

    private void push(CatalogChange change, List<Client> clients) {
        Map<OddsFormat, String> payloads = new EnumMap<>(OddsFormat.class);
        Function<OddsFormat, String> payload = format -> payloads.computeIfAbsent(format,
                f -> JSON.writeValueAsString(delta(change, f)));
        for (Client client : clients) {
            send(client, "change", payload.apply(client.format));
        }
    }

    private void send(Client client, String name, String json) {
        try {
            client.emitter.send(SseEmitter.event().id(Long.toString(client.sequence.incrementAndGet())).name(name).data(json));
        } catch (IOException | IllegalStateException gone) {
            log.debug("a live client went away", gone);
            disconnect(client);
        }
    }

    void heartbeat() {
        for (Client client : clients) {
            try {
                client.emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException gone) {
                disconnect(client);
            }
        }
    }

    private void disconnect(Client client) {
        if (clients.remove(client)) {
            client.events.forEach(event -> removeFrom(key(client.tenant, event), client));
            client.markets.forEach(market -> removeFrom(key(client.tenant, market), client));
            client.emitter.complete();
        }
    }

    private void removeFrom(String key, Client client) {
        byKey.computeIfPresent(key, (k, set) -> {
            set.remove(client);
            return set.isEmpty() ? null : set;
        });
    }

    @Override
    public void close() {
        lanes.forEach(ExecutorService::shutdownNow);
    }

    private static String key(String tenant, UUID id) {
        return tenant + ":" + id;
    }

    static Delta delta(CatalogChange change, OddsFormat format) {
        return switch (change) {
            case CatalogChange.EventChanged event -> new Delta("event", event.eventId(), null, event.version(), event.status(),
                    event.homeScore() == null || event.awayScore() == null ? null : new Score(event.homeScore(), event.awayScore()),
                    List.of(), event.ingestedAt().toString());
            case CatalogChange.MarketChanged market -> new Delta("market", market.eventId(), market.marketId(), market.version(),
                    market.status(), null, market.prices().stream().map(move -> new Move(move.selectionId(), move.key(),
                            move.price() == null ? null : new Price(move.price().toPlainString(), format.show(new Odds(move.price()))),
                            direction(move))).toList(), market.ingestedAt().toString());
        };
    }

    private static String direction(CatalogChange.PriceMove move) {
        if (move.price() == null) {
            return "withdrawn";
        }
        if (move.previous() == null) {
            return null;
        }
        int compared = move.price().compareTo(move.previous());
        return compared > 0 ? "up" : compared < 0 ? "down" : null;
    }

    static String wire(OddsFormat format) {
        return format.name().toLowerCase(Locale.ROOT);
    }
}
