package com.sportsbook.runtime.tenancy;

import com.sportsbook.commons.TenantSlug;
import com.sportsbook.commons.TenantStatus;
import com.sportsbook.commons.routing.TenantRoute;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings every tenant schema up to the current changelog, a few at a time, logging progress. One tenant's failure
 * is recorded in the report and does not stop the others. The report of the run in progress (with the tenants
 * migrating at this moment) is readable at any time, for the platform console's progress bar.
 */
public class TenantSchemaUpgrade {

    private static final Logger log = LoggerFactory.getLogger(TenantSchemaUpgrade.class);
    /** Tenants whose schema exists and is in use; the others are migrated by their provisioning. */
    private static final Set<TenantStatus> MIGRATED =
            Set.of(TenantStatus.ACTIVE, TenantStatus.SUSPENDED, TenantStatus.OFFBOARDING);

    /**
     * The last or current run across all tenants.
     *
     * @param current the tenants whose schema is being migrated at this moment
     */
    public record Report(Instant startedAt, Instant finishedAt, int total, int done, List<MigrationOutcome> succeeded,
            List<Failure> failed, List<String> current) {
        public record Failure(String tenant, String error) {
        }

        public Report(Instant startedAt, Instant finishedAt, int total, int done, List<MigrationOutcome> succeeded,
                List<Failure> failed) {
            this(startedAt, finishedAt, total, done, succeeded, failed, List.of());
        }

        /** Whether this run has started and not finished yet. */
        public boolean running() {
            return startedAt != null && finishedAt == null;
        }
    }

    private final TenantSchemaMigrator migrator;
    private final int parallelism;
    private final Clock clock;
    private volatile Report last = new Report(null, null, 0, 0, List.of(), List.of());
    /** Orders the progress reports the workers publish, so a reader never sees the count go back. */
    private final Object progress = new Object();

    public TenantSchemaUpgrade(TenantSchemaMigrator migrator, int parallelism, Clock clock) {
        this.migrator = migrator;
        this.parallelism = Math.max(1, parallelism);
        this.clock = clock;
    }

    public Report lastReport() {
        return last;
    }

    public Report upgradeAll(List<TenantRoute> tenants) {
        return upgrade(migrated(tenants));
    }

    /**
     * Starts {@link #upgradeAll} on {@code executor} unless a run is in progress, and answers the new run's first
     * report at once (so whoever started it sees it running, not the previous run); empty if one is running.
     */
    public synchronized Optional<Report> startUpgradeAll(List<TenantRoute> tenants, Executor executor) {
        if (last.running()) {
            return Optional.empty();
        }
        List<String> slugs = migrated(tenants);
        Instant started = clock.instant();
        last = new Report(started, null, slugs.size(), 0, List.of(), List.of(), List.of());
        executor.execute(() -> run(slugs, started));
        return Optional.of(last);
    }

    private static List<String> migrated(List<TenantRoute> tenants) {
        return tenants.stream()
                .filter(tenant -> MIGRATED.contains(TenantStatus.fromWireName(tenant.status())))
                .map(TenantRoute::slug)
                .sorted()
                .toList();
    }

    public Report upgrade(List<String> slugs) {
        return run(slugs, clock.instant());
    }

    private Report run(List<String> slugs, Instant started) {
        List<MigrationOutcome> succeeded = Collections.synchronizedList(new ArrayList<>());
        List<Report.Failure> failed = Collections.synchronizedList(new ArrayList<>());
        Set<String> current = new ConcurrentSkipListSet<>();
        AtomicInteger done = new AtomicInteger();
        int total = slugs.size();
        last = new Report(started, null, total, 0, List.of(), List.of(), List.of());
        log.info("migrating {} tenant schemas, {} at a time", total, parallelism);
        try (ExecutorService workers = Executors.newFixedThreadPool(parallelism)) {
            for (String slug : slugs) {
                workers.execute(() -> {
                    synchronized (progress) {
                        current.add(slug);
                        last = new Report(started, null, total, done.get(), List.copyOf(succeeded), List.copyOf(failed),
                                List.copyOf(current));
                    }
                    try {
                        MigrationOutcome outcome = migrator.migrate(new TenantSlug(slug));
                        succeeded.add(outcome);
                    } catch (RuntimeException e) {
                        failed.add(new Report.Failure(slug, e.getMessage()));
                        log.error("tenant {}: migration failed, continuing with the others: {}", slug, e.getMessage());
                    }
                    int finished;
                    synchronized (progress) {
                        current.remove(slug);
                        finished = done.incrementAndGet();
                        last = new Report(started, null, total, finished, List.copyOf(succeeded), List.copyOf(failed),
                                List.copyOf(current));
                    }
                    if (finished % 10 == 0 || finished == total) {
                        log.info("tenant schema migration: {}/{} done, {} failed", finished, total, failed.size());
                    }
                });
            }
            workers.shutdown();
            awaitQuietly(workers);
        }
        Report report = new Report(started, clock.instant(), total, done.get(), List.copyOf(succeeded), List.copyOf(failed));
        last = report;
        log.info("tenant schema migration finished in {} ms: {} succeeded, {} failed {}",
                Duration.between(started, report.finishedAt()).toMillis(), succeeded.size(), failed.size(),
                failed.stream().map(Report.Failure::tenant).toList());
        return report;
    }

    private static void awaitQuietly(ExecutorService workers) {
        try {
            workers.awaitTermination(1, TimeUnit.HOURS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
