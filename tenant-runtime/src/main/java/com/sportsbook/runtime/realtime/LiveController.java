package com.sportsbook.runtime.realtime;

import com.sportsbook.commons.web.Problems;
import com.sportsbook.runtime.catalog.CatalogSnapshots;
import com.sportsbook.runtime.catalog.OddsFormats;
import com.sportsbook.runtime.pricing.OddsFormat;
import com.sportsbook.runtime.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live stream for skins (server-sent events): subscribe to events and markets by id; the first message is a
 * snapshot of their current state, then only deltas follow. A reconnecting client (EventSource reconnects by
 * itself) gets a fresh snapshot, so nothing missed while away stays missing.
 */
@RestController
class LiveController {

    static final int MAX_SUBSCRIPTIONS = 200;
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

    private final LiveHub hub;
    private final CatalogSnapshots snapshots;
    private final OddsFormats formats;

    LiveController(LiveHub hub, CatalogSnapshots snapshots, OddsFormats formats) {
        this.hub = hub;
        this.snapshots = snapshots;
        this.formats = formats;
    }

    @GetMapping(path = "/api/v1/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent events: a snapshot of the subscribed events and markets, then their price and status deltas")
    ResponseEntity<?> live(@RequestParam(required = false) String events, @RequestParam(required = false) String markets,
            @RequestParam(required = false) String format, Authentication caller) {
        Optional<Set<UUID>> eventIds = ids(events);
        Optional<Set<UUID>> marketIds = ids(markets);
        if (eventIds.isEmpty() || marketIds.isEmpty()) {
            return Problems.invalidField("The subscriptions are not valid.", eventIds.isEmpty() ? "events" : "markets",
                    "comma-separated ids");
        }
        int count = eventIds.get().size() + marketIds.get().size();
        if (count == 0 || count > MAX_SUBSCRIPTIONS) {
            return Problems.invalidField("Subscribe to 1 to " + MAX_SUBSCRIPTIONS + " events and markets.", "events",
                    "1 to " + MAX_SUBSCRIPTIONS + " ids in all");
        }
        Optional<OddsFormat> asked = OddsFormats.parse(format);
        if (format != null && asked.isEmpty()) {
            return Problems.invalidField("Unknown odds format.", "format", "decimal, fractional or american");
        }
        String tenant = TenantContext.require().slug().value();
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        LiveHub.Client client = new LiveHub.Client(tenant, eventIds.get(), marketIds.get(),
                formats.resolve(asked.orElse(null), caller), emitter);
        hub.connect(client, snapshots.snapshot(tenant, eventIds.get(), marketIds.get()));
        return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM).header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no").body(emitter);
    }

    private static Optional<Set<UUID>> ids(String list) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (list == null || list.isBlank()) {
            return Optional.of(ids);
        }
        try {
            Arrays.stream(list.split(",")).map(String::strip).filter(id -> !id.isEmpty()).map(UUID::fromString).forEach(ids::add);
            return Optional.of(ids);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
