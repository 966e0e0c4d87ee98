package com.sportsbook.runtime.catalog;

import com.sportsbook.runtime.catalog.ingest.Applied;
import com.sportsbook.runtime.catalog.ingest.FeedState;
import com.sportsbook.runtime.catalog.ingest.TenantCatalogWriter;
import com.sportsbook.runtime.feeds.FeedMessage;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.tenancy.ActiveTenants;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * One feed into every tenant's catalog. A batch of messages is applied to each active tenant in feed order, each
 * message in its own transaction on that tenant's schema; tenants run in parallel, so a slow tenant delays only
 * itself within the batch. A tenant seen for the first time first takes the feed's current state ({@link FeedState}:
 * every open event and market as last said), and a tenant that lacks one event catches up on it when the next
 * message for it arrives. Messages are written to a tenant in chunks, one
 * transaction per chunk; committed changes go to the change listener (live push), never before the commit.
 */
public final class CatalogIngestion {

    private static final Logger log = LoggerFactory.getLogger(CatalogIngestion.class);

    /** How a batch went, summed over tenants: each message counts once per tenant. */
    public record Report(int tenants, int messages, Map<Applied.Kind, Integer> outcomes, int changes) {

        public int count(Applied.Kind kind) {
            return outcomes.getOrDefault(kind, 0);
        }
    }

    private final ActiveTenants tenants;
    private final TenantCatalogWriter writer;
    private final TransactionOperations transactions;
    private final ExecutorService lanes;
    private final Consumer<CatalogChange> changes;
    private final Clock clock;
    private final FeedState state = new FeedState();
    private final Set<String> caughtUp = ConcurrentHashMap.newKeySet();

    /** Messages written to one tenant per transaction: fewer commits, and a failing chunk is retried one by one. */
    private static final int CHUNK = 100;

    public CatalogIngestion(ActiveTenants tenants, TenantCatalogWriter writer, TransactionOperations transactions,
            ExecutorService lanes, Consumer<CatalogChange> changes, Clock clock) {
        this.tenants = tenants;
        this.writer = writer;
        this.transactions = transactions;
        this.lanes = lanes;
        this.changes = changes;
        this.clock = clock;
    }

    /** Applies the batch to every active tenant the routing directory knows. */
    public Report ingest(List<FeedMessage> batch) {
        return ingest(batch, tenants.list());
    }

    public Report ingest(List<FeedMessage> batch, List<BoundTenant> into) {
        List<FeedMessage> known = state.replayAll();
        batch.forEach(state::record);
        List<Future<Map<Applied.Kind, Integer>>> running = new ArrayList<>();
        AtomicInteger published = new AtomicInteger();
        for (BoundTenant tenant : into) {
            boolean newcomer = caughtUp.add(tenant.slug().value());
            running.add(lanes.submit(() -> TenantContext.callAs(tenant, () -> {
                if (newcomer && !known.isEmpty()) {
                    log.info("tenant {} takes the feed's current state: {} messages", tenant.slug().value(), known.size());
                    applyAll(tenant, known, published);
                }
                return applyAll(tenant, batch, published);
            })));
        }
        Map<Applied.Kind, Integer> outcomes = new EnumMap<>(Applied.Kind.class);
        for (Future<Map<Applied.Kind, Integer>> lane : running) {
            try {
                lane.get().forEach((kind, count) -> outcomes.merge(kind, count, Integer::sum));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while ingesting", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a tenant's ingestion failed", e.getCause());
            }
        }
        return new Report(into.size(), batch.size(), Map.copyOf(outcomes), published.get());
    }

    private Map<Applied.Kind, Integer> applyAll(BoundTenant tenant, List<FeedMessage> batch, AtomicInteger published) {
        Map<Applied.Kind, Integer> outcomes = new EnumMap<>(Applied.Kind.class);
        for (int from = 0; from < batch.size(); from += CHUNK) {
            List<FeedMessage> chunk = batch.subList(from, Math.min(batch.size(), from + CHUNK));
            List<Applied> results;
            try {
                results = transactions.execute(status -> chunk.stream().map(message -> applyWithCatchUp(tenant, message)).toList());
            } catch (RuntimeException chunkFailed) {
                // one message that cannot be written must not cost the others: apply them one at a time
                results = chunk.stream().map(message -> applyAlone(tenant, message)).toList();
            }
            for (int i = 0; i < chunk.size(); i++) {
                Applied applied = results.get(i);
                if (applied.kind() == Applied.Kind.SKIPPED) {
                    log.info("feed message {} v{} skipped for tenant {}: {}", chunk.get(i).eventRef(), chunk.get(i).version(),
                            tenant.slug().value(), applied.reason());
                }
                outcomes.merge(applied.kind(), 1, Integer::sum);
                applied.changes().forEach(changes);
                published.addAndGet(applied.changes().size());
            }
        }
        return outcomes;
    }

    private Applied applyAlone(BoundTenant tenant, FeedMessage message) {
        try {
            return transactions.execute(status -> applyWithCatchUp(tenant, message));
        } catch (RuntimeException e) {
            log.error("feed message {} v{} could not be applied to tenant {}", message.eventRef(), message.version(),
                    tenant.slug().value(), e);
            return new Applied(Applied.Kind.SKIPPED, String.valueOf(e.getMessage()), List.of());
        }
    }

    /**
     * Applies the message; a tenant that lacks its event first takes what the feed said of it before (its state),
     * so it catches up with an event under way.
     */
    private Applied applyWithCatchUp(BoundTenant tenant, FeedMessage message) {
        Applied applied = writer.apply(tenant.slug().value(), message, clock.instant());
        if (applied.kind() != Applied.Kind.UNKNOWN_EVENT) {
            return applied;
        }
        // an incident may be reported late, with a version below what the feed has said since: catch up on all of it
        long below = message instanceof FeedMessage.Incident ? Long.MAX_VALUE : message.version();
        List<FeedMessage> known = state.replay(message.eventRef(), below);
        if (known.isEmpty()) {
            return applied;
        }
        List<CatalogChange> all = new ArrayList<>();
        for (FeedMessage earlier : known) {
            Applied caughtUpWith = writer.apply(tenant.slug().value(), earlier, clock.instant());
            if (caughtUpWith.kind() == Applied.Kind.SKIPPED) {
                return caughtUpWith;
            }
            all.addAll(caughtUpWith.changes());
        }
        Applied then = writer.apply(tenant.slug().value(), message, clock.instant());
        all.addAll(then.changes());
        return new Applied(then.kind(), then.reason(), all);
    }
}
