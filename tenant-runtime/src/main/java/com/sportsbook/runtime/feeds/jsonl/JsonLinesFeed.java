package com.sportsbook.runtime.feeds.jsonl;

import com.sportsbook.runtime.feeds.EventStatus;
import com.sportsbook.runtime.feeds.FeedMessage;
import com.sportsbook.runtime.feeds.MarketStatus;
import com.sportsbook.runtime.feeds.MarketType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A recorded feed, one JSON object per line, for tests and incident replays:
 * <pre>
 * {"type":"event","eventRef":"e1","version":1,"sport":"football","category":"England","competition":"Premier League",
 *  "home":"Arsenal","away":"Wolves","startsAt":"2024-08-17T14:00:00Z","status":"scheduled"}
 * {"type":"market","eventRef":"e1","version":2,"marketRef":"e1:1x2","marketType":"1x2","status":"open",
 *  "prices":{"home":"1.18","draw":"7.5","away":"13"}}
 * {"type":"incident","eventRef":"e1","version":7,"kind":"goal","occurredAt":"2024-08-17T14:23:05Z"}
 * {"type":"result","eventRef":"e1","version":9,"homeGoals":2,"awayGoals":0}
 * </pre>
 * An event may carry a {@code name} (outrights) and a {@code score}; a market's {@code prices} may be left out when
 * only its status changes. An incident's {@code kind} is one of {@code goal}, {@code red_card}, {@code penalty},
 * {@code break} (of serve, tennis) and {@code run} (basketball), and {@code occurredAt} is when it happened on the
 * field (ISO-8601, UTC), which may be well before the line is sent: incidents are kept however late they come (the
 * same incident twice is kept once), for voiding bets accepted after them. A line that is not such an object is
 * reported with its number and skipped.
 */
public final class JsonLinesFeed {

    public record Problem(int line, String reason) {
    }

    public record Read(List<FeedMessage> messages, List<Problem> problems) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonLinesFeed() {
    }

    public static Read read(String lines) {
        List<FeedMessage> messages = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<String> all = lines.lines().toList();
        for (int i = 0; i < all.size(); i++) {
            String line = all.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                messages.add(message(JSON.readTree(line)));
            } catch (RuntimeException unreadable) {
                problems.add(new Problem(i + 1, unreadable.getMessage() == null ? "unreadable" : firstLine(unreadable.getMessage())));
            }
        }
        return new Read(List.copyOf(messages), List.copyOf(problems));
    }

    private static FeedMessage message(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("a line is one JSON object");
        }
        String event = text(node, "eventRef");
        long version = node.path("version").asLong(0);
        return switch (text(node, "type")) {
            case "event" -> {
                String home = optional(node, "home");
                String away = optional(node, "away");
                String name = optional(node, "name");
                if (name == null && (home == null || away == null)) {
                    throw new IllegalArgumentException("an event has a name or both sides");
                }
                FeedMessage.Score score = node.path("score").isObject()
                        ? new FeedMessage.Score(node.path("score").path("home").asInt(), node.path("score").path("away").asInt())
                        : null;
                yield new FeedMessage.EventUpdate(event, version, text(node, "sport"), optional(node, "category"),
                        optional(node, "competition"), name == null ? home + " v " + away : name, home, away,
                        Instant.parse(text(node, "startsAt")), EventStatus.fromWire(text(node, "status")), score);
            }
            case "market" -> {
                Map<String, BigDecimal> prices = new LinkedHashMap<>();
                JsonNode given = node.path("prices");
                if (!given.isMissingNode() && !given.isObject()) {
                    throw new IllegalArgumentException("a market's prices are an object of selection to price");
                }
                for (String key : given.propertyNames()) {
                    prices.put(key, new BigDecimal(given.get(key).asString()));
                }
                BigDecimal line = node.path("line").isMissingNode() || node.path("line").isNull() ? null
                        : new BigDecimal(node.path("line").asString());
                MarketType type = MarketType.fromWire(text(node, "marketType"))
                        .orElseThrow(() -> new IllegalArgumentException("unknown market type '" + text(node, "marketType") + "'"));
                yield new FeedMessage.MarketUpdate(event, version, text(node, "marketRef"), type, line,
                        MarketStatus.fromWire(text(node, "status")), prices);
            }
            case "incident" -> {
                FeedMessage.Incident incident = new FeedMessage.Incident(event, version, text(node, "kind"),
                        Instant.parse(text(node, "occurredAt")));
                incident.problem().ifPresent(problem -> {
                    throw new IllegalArgumentException(problem);
                });
                yield incident;
            }
            case "result" -> new FeedMessage.Result(event, version, node.path("homeGoals").asInt(),
                    node.path("awayGoals").asInt(), optionalInt(node, "halfTimeHomeGoals"),
                    optionalInt(node, "halfTimeAwayGoals"));
            default -> throw new IllegalArgumentException("unknown message type '" + text(node, "type") + "'");
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || value.asString("").isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value.asString();
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asString("").isBlank() ? null : value.asString();
    }

    private static Integer optionalInt(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asInt();
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
