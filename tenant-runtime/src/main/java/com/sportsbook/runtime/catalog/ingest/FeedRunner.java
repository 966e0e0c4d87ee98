package com.sportsbook.runtime.catalog.ingest;

import com.sportsbook.runtime.catalog.CatalogIngestion;
import com.sportsbook.runtime.feeds.Feed;
import com.sportsbook.runtime.feeds.FeedMessage;
import com.sportsbook.runtime.feeds.FeedScreen;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays one feed into the catalog of every active tenant: the feed thread puts messages on a bounded queue (so a
 * fast feed waits for ingestion instead of piling up), the ingestion thread takes what has accumulated as a batch,
 * screens it (bad input logged and skipped, the feed goes on) and ingests it.
 */
public final class FeedRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedRunner.class);
    private static final int MAX_BATCH = 500;

    private final Feed feed;
    private final CatalogIngestion ingestion;
    private final FeedScreen screen = new FeedScreen();
    private final BlockingQueue<FeedMessage> queue = new LinkedBlockingQueue<>(10_000);
    private final Thread player;
    private final Thread ingester;
    private volatile boolean fed;

    public FeedRunner(Feed feed, CatalogIngestion ingestion) {
        this.feed = feed;
        this.ingestion = ingestion;
        this.player = Thread.ofPlatform().name("feed-" + feed.name()).daemon().unstarted(this::play);
        this.ingester = Thread.ofPlatform().name("feed-ingest-" + feed.name()).daemon().unstarted(this::ingest);
    }

    public void start() {
        log.info("feed {} starting", feed.name());
        player.start();
        ingester.start();
    }

    private void play() {
        try {
            feed.play(message -> {
                try {
                    queue.put(message);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("feed stopped", e);
                }
            });
            log.info("feed {} played to its end", feed.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!Thread.currentThread().isInterrupted()) {
                log.error("feed {} failed", feed.name(), e);
            }
        } finally {
            fed = true;
        }
    }

    private void ingest() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                FeedMessage first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (fed) {
                        return;
                    }
                    continue;
                }
                List<FeedMessage> batch = new ArrayList<>();
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                FeedScreen.Screened screened = screen.screen(batch);
                screened.skipped().forEach(skipped -> log.warn("feed {}: message {} v{} skipped: {}", feed.name(),
                        skipped.message().eventRef(), skipped.message().version(), skipped.reason()));
                if (!screened.accepted().isEmpty()) {
                    ingestion.ingest(screened.accepted());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.error("feed {}: a batch could not be ingested; the feed goes on", feed.name(), e);
            }
        }
    }

    @Override
    public void close() {
        player.interrupt();
        ingester.interrupt();
    }
}
