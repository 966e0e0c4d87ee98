package com.sportsbook.runtime.catalog.web;

import com.sportsbook.runtime.catalog.CatalogIngestion;
import com.sportsbook.runtime.feeds.FeedScreen;
import com.sportsbook.runtime.feeds.jsonl.JsonLinesFeed;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A feed pushed over HTTP inside the platform's network (a provider's push adapter, incident replays, tests): the
 * body is JSON lines ({@link JsonLinesFeed}); unreadable lines and screened-out messages are logged and reported,
 * the rest is ingested into every active tenant offering the sport.
 */
@RestController
class FeedPushController {

    private static final Logger log = LoggerFactory.getLogger(FeedPushController.class);

    private final CatalogIngestion ingestion;
    private final FeedScreen screen = FeedScreen.forLongLivedFeed();

    FeedPushController(CatalogIngestion ingestion) {
        this.ingestion = ingestion;
    }

    record Skipped(String eventRef, long version, String reason) {
    }

    record PushReport(int read, List<JsonLinesFeed.Problem> unreadable, List<Skipped> skipped, int tenants,
            Map<String, Integer> outcomes, int changes) {
    }

    @PostMapping(path = "/internal/feeds/messages", consumes = {"application/x-ndjson", "text/plain", "application/jsonl"})
    @Operation(summary = "Ingest pushed feed messages (JSON lines) into every active tenant")
    synchronized PushReport push(@RequestBody String lines) {
        JsonLinesFeed.Read read = JsonLinesFeed.read(lines);
        read.problems().forEach(problem -> log.warn("pushed feed: line {} unreadable: {}", problem.line(), problem.reason()));
        FeedScreen.Screened screened = screen.screen(read.messages());
        List<Skipped> skipped = screened.skipped().stream()
                .map(s -> new Skipped(s.message().eventRef(), s.message().version(), s.reason())).toList();
        skipped.forEach(s -> log.warn("pushed feed: message {} v{} skipped: {}", s.eventRef(), s.version(), s.reason()));
        CatalogIngestion.Report report = screened.accepted().isEmpty() ? null : ingestion.ingest(screened.accepted());
        Map<String, Integer> outcomes = new TreeMap<>();
        if (report != null) {
            report.outcomes().forEach((kind, count) -> outcomes.put(kind.name().toLowerCase(Locale.ROOT), count));
        }
        return new PushReport(read.messages().size(), read.problems(), skipped, report == null ? 0 : report.tenants(),
                outcomes, report == null ? 0 : report.changes());
    }
}
