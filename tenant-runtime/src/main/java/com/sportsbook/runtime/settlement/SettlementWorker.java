package com.sportsbook.runtime.settlement;

import com.sportsbook.runtime.catalog.CatalogChange;
import com.sportsbook.runtime.settlement.results.ResultBook;
import com.sportsbook.runtime.settlement.run.SettlementRuns;
import com.sportsbook.runtime.tenancy.ActiveTenants;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Starts settlement runs on this replica, one at a time on a worker thread (never on the feed's or a request's):
 * when a result is confirmed, when the feed results, cancels or abandons an event, and on a sweep every minute
 * that catches what a restart missed (a feed result nobody listened to, a run that died mid-way, a postponement
 * past its cut-off). A run queued twice runs once.
 */
final class SettlementWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SettlementWorker.class);

    private final ActiveTenants tenants;
    private final SettlementRuns runs;
    private final ResultBook results;
    private final TransactionOperations transactions;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("settlement-worker").daemon().factory());
    private final Set<String> queued = ConcurrentHashMap.newKeySet();

    SettlementWorker(ActiveTenants tenants, SettlementRuns runs, ResultBook results, TransactionOperations transactions) {
        this.tenants = tenants;
        this.runs = runs;
        this.results = results;
        this.transactions = transactions;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ResultBook.ResultConfirmed confirmed) {
        submit(confirmed.tenant(), confirmed.eventId(), (confirmed.correction() ? "corrected result " : "result ")
                + confirmed.resultId());
    }

    @EventListener
    void on(CatalogChange change) {
        if (!(change instanceof CatalogChange.EventChanged event)) {
            return;
        }
        switch (event.status()) {
            case "resulted" -> TenantContext.runAs(BoundTenant.of(event.tenant()),
                    () -> transactions.executeWithoutResult(status -> results.fromFeed(event.eventId())));
            case "cancelled", "abandoned" -> submit(event.tenant(), event.eventId(), "event " + event.status());
            default -> {
            }
        }
    }

    @Scheduled(fixedDelayString = "${runtime.settlement.sweep:60s}", initialDelayString = "${runtime.settlement.sweep:60s}")
    void sweep() {
        tenants.forEach("finding events due for settlement",
                tenant -> runs.due().forEach(event -> submit(tenant.slug().value(), event, "sweep")));
    }

    void submit(String tenant, UUID eventId, String trigger) {
        String key = tenant + "|" + eventId;
        if (!queued.add(key)) {
            return;
        }
        worker.execute(() -> {
            queued.remove(key);
            try {
                TenantContext.runAs(BoundTenant.of(tenant), () -> runs.settleEvent(eventId, trigger));
            } catch (RuntimeException e) {
                log.error("settlement of event {} for tenant {} failed; the sweep resumes it", eventId, tenant, e);
            }
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
