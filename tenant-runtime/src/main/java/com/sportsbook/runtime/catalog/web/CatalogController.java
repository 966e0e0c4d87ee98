package com.sportsbook.runtime.catalog.web;

import com.sportsbook.commons.web.Problems;
import com.sportsbook.runtime.catalog.OddsFormats;
import com.sportsbook.runtime.catalog.read.CatalogReads;
import com.sportsbook.runtime.feeds.MarketGroup;
import com.sportsbook.runtime.pricing.Odds;
import com.sportsbook.runtime.pricing.OddsFormat;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalog for players and skins: the sports tree with event counts, events by sport, competition and date,
 * live now, and event pages with markets grouped; prices in the format asked for, the player's or the brand's.
 */
@RestController
class CatalogController {

    static final int MAX_PAGE = 100;

    private final CatalogReads reads;
    private final OddsFormats formats;
    private final Clock clock;

    CatalogController(JdbcClient jdbc, OddsFormats formats, Clock clock) {
        this.reads = new CatalogReads(jdbc);
        this.formats = formats;
        this.clock = clock;
    }

    record Price(String decimal, String display) {
    }

    record SelectionView(UUID id, String key, String name, Price price) {
    }

    record MarketView(UUID id, String type, String group, String line, String name, String status, long version,
            List<SelectionView> selections) {
    }

    record CompetitionRef(UUID id, String name) {
    }

    record Score(int home, int away) {
    }

    record EventSummary(UUID id, String sport, String category, CompetitionRef competition, String name, String home,
            String away, Instant startsAt, String status, Score score, long version, MarketView mainMarket) {
    }

    record EventPage(String oddsFormat, List<EventSummary> items, String nextCursor) {
    }

    record MarketGroupView(String group, List<MarketView> markets) {
    }

    record EventDetail(UUID id, String sport, String category, CompetitionRef competition, String name, String home,
            String away, Instant startsAt, String status, Score score, long version, String oddsFormat,
            List<MarketGroupView> groups) {
    }

    record OddsFormatChoice(String oddsFormat) {
    }

    @GetMapping("/api/v1/sports")
    @Operation(summary = "The sports tree: sports, categories and competitions with their open and live event counts")
    @Transactional(readOnly = true)
    List<CatalogReads.SportNode> sports() {
        return reads.sportsTree();
    }

    @GetMapping("/api/v1/events")
    @Operation(summary = "Open events (scheduled or live) in start order, by sport, competition and day (UTC), paged")
    @Transactional(readOnly = true)
    ResponseEntity<?> events(@RequestParam(required = false) String sport, @RequestParam(required = false) String competition,
            @RequestParam(required = false) String date, @RequestParam(defaultValue = "false") boolean live,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String format, Authentication caller) {
        Map<String, String> invalid = new LinkedHashMap<>();
        UUID competitionId = parseUuid(competition, "competition", invalid);
        Instant from = null;
        Instant to = null;
        if (date != null) {
            try {
                LocalDate day = LocalDate.parse(date);
                from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                invalid.put("date", "a day as YYYY-MM-DD");
            }
        }
        if (limit < 1 || limit > MAX_PAGE) {
            invalid.put("limit", "from 1 to " + MAX_PAGE);
        }
        CatalogReads.Position after = cursor == null ? null : decodeCursor(cursor).orElse(null);
        if (cursor != null && after == null) {
            invalid.put("cursor", "a cursor from a previous page");
        }
        Optional<OddsFormat> asked = OddsFormats.parse(format);
        if (format != null && asked.isEmpty()) {
            invalid.put("format", "decimal, fractional or american");
        }
        if (!invalid.isEmpty()) {
            return invalid(invalid);
        }
        OddsFormat shown = formats.resolve(asked.orElse(null), caller);
        List<CatalogReads.EventRow> rows = reads.events(new CatalogReads.EventFilter(blankToNull(sport), competitionId, from, to, live),
                after, limit + 1);
        boolean more = rows.size() > limit;
        List<CatalogReads.EventRow> page = more ? rows.subList(0, limit) : rows;
        Map<UUID, CatalogReads.MarketRow> main = reads.markets(page.stream().map(CatalogReads.EventRow::id).toList(), true)
                .stream().collect(Collectors.toMap(CatalogReads.MarketRow::eventId, market -> market, (first, second) -> first));
        List<EventSummary> items = page.stream()
                .map(event -> summary(event, Optional.ofNullable(main.get(event.id())).map(m -> market(m, event.sport(), shown)).orElse(null)))
                .toList();
        String next = more ? encodeCursor(page.getLast()) : null;
        return ResponseEntity.ok(new EventPage(wire(shown), items, next));
    }

    @GetMapping("/api/v1/events/live")
    @Operation(summary = "The events in play now, in start order")
    @Transactional(readOnly = true)
    ResponseEntity<?> live(@RequestParam(required = false) String sport, @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String format, Authentication caller) {
        return events(sport, null, null, true, limit, cursor, format, caller);
    }

    @GetMapping("/api/v1/events/{id}")
    @Operation(summary = "An event page: the event with its markets grouped (main, goals, halves, corners, cards, players, specials)")
    @Transactional(readOnly = true)
    ResponseEntity<?> event(@PathVariable String id, @RequestParam(required = false) String format, Authentication caller) {
        Map<String, String> invalid = new LinkedHashMap<>();
        UUID eventId = parseUuid(id, "id", invalid);
        Optional<OddsFormat> asked = OddsFormats.parse(format);
        if (format != null && asked.isEmpty()) {
            invalid.put("format", "decimal, fractional or american");
        }
        if (!invalid.isEmpty()) {
            return invalid(invalid);
        }
        Optional<CatalogReads.EventRow> event = reads.event(eventId);
        if (event.isEmpty()) {
            return Problems.response(HttpStatus.NOT_FOUND, "event_not_found", "There is no such event.");
        }
        OddsFormat shown = formats.resolve(asked.orElse(null), caller);
        Map<String, List<MarketView>> grouped = new LinkedHashMap<>();
        for (MarketGroup group : MarketGroup.values()) {
            grouped.put(group.wire(), new ArrayList<>());
        }
        reads.markets(List.of(eventId), false)
                .forEach(market -> grouped.get(market.group()).add(market(market, event.get().sport(), shown)));
        List<MarketGroupView> groups = grouped.entrySet().stream().filter(entry -> !entry.getValue().isEmpty())
                .map(entry -> new MarketGroupView(entry.getKey(), entry.getValue())).toList();
        CatalogReads.EventRow row = event.get();
        return ResponseEntity.ok(new EventDetail(row.id(), row.sport(), row.category(),
                new CompetitionRef(row.competitionId(), row.competition()), row.name(), row.home(), row.away(), row.startsAt(),
                row.status(), score(row), row.version(), wire(shown), groups));
    }

    @GetMapping("/api/v1/players/me/odds-format")
    @Operation(summary = "The player's chosen odds format (or the brand's when the player has not chosen)")
    @Transactional(readOnly = true)
    OddsFormatChoice oddsFormat(JwtAuthenticationToken caller) {
        return new OddsFormatChoice(wire(formats.resolve(null, caller)));
    }

    @PutMapping("/api/v1/players/me/odds-format")
    @Operation(summary = "Choose the odds format prices are shown in: decimal, fractional or american")
    @Transactional
    ResponseEntity<?> chooseOddsFormat(@RequestBody OddsFormatChoice choice, JwtAuthenticationToken caller) {
        Optional<OddsFormat> format = OddsFormats.parse(choice == null ? null : choice.oddsFormat());
        if (format.isEmpty()) {
            return invalid(Map.of("oddsFormat", "decimal, fractional or american"));
        }
        formats.choose(caller.getToken().getSubject(), format.get(), clock.instant());
        return ResponseEntity.ok(new OddsFormatChoice(wire(format.get())));
    }

    static MarketView market(CatalogReads.MarketRow market, String sport, OddsFormat format) {
        return new MarketView(market.id(), market.type(), market.group(),
                market.line() == null ? null : market.line().stripTrailingZeros().toPlainString(),
                MarketNames.name(market.type(), market.line(), sport), market.status(), market.version(),
                market.selections().stream().map(selection -> new SelectionView(selection.id(), selection.key(), selection.name(),
                        price(selection.price(), format))).toList());
    }

    static Price price(BigDecimal decimal, OddsFormat format) {
        Odds odds = new Odds(decimal);
        return new Price(odds.decimal().toPlainString(), format.show(odds));
    }

    private static EventSummary summary(CatalogReads.EventRow row, MarketView main) {
        return new EventSummary(row.id(), row.sport(), row.category(), new CompetitionRef(row.competitionId(), row.competition()),
                row.name(), row.home(), row.away(), row.startsAt(), row.status(), score(row), row.version(), main);
    }

    private static Score score(CatalogReads.EventRow row) {
        return row.homeScore() == null || row.awayScore() == null ? null : new Score(row.homeScore(), row.awayScore());
    }

    private static String wire(OddsFormat format) {
        return format.name().toLowerCase(Locale.ROOT);
    }

    private static ResponseEntity<?> invalid(Map<String, String> fields) {
        return Problems.response(Problems.invalid("Some query values are not valid.", fields.entrySet().stream()
                .map(entry -> Map.of("field", entry.getKey(), "message", entry.getValue())).toList()));
    }

    private static UUID parseUuid(String value, String field, Map<String, String> invalid) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            invalid.put(field, "an id");
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String encodeCursor(CatalogReads.EventRow last) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((last.startsAt() + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<CatalogReads.Position> decodeCursor(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return parts.length == 2 ? Optional.of(new CatalogReads.Position(Instant.parse(parts[0]), UUID.fromString(parts[1])))
                    : Optional.empty();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
