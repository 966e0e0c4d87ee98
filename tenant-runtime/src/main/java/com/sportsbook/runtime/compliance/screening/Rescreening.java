package com.sportsbook.runtime.compliance.screening;

import com.sportsbook.runtime.compliance.screening.core.Hit;
import com.sportsbook.runtime.identity.PlayerView;
import com.sportsbook.runtime.identity.Players;
import com.sportsbook.runtime.identity.PlayerStatus;
import com.sportsbook.runtime.tenancy.ActiveTenants;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-screens every player of every active tenant against the current lists, after a new list version is loaded.
 * Tenant by tenant, {@code batchSize} players per transaction in id order: each hit without a case opens one, and an
 * active account with a new sanctions case is blocked (after the batch commits, since blocking also ends its Keycloak
 * sessions); a new PEP case leaves the account active, waiting for due diligence. Existing cases are left as they are, so re-screening twice changes nothing. Each tenant's run is
 * recorded with its counts ({@code screening_run}); one tenant's failure is reported and does not stop the others.
 */
class Rescreening {

    private static final Logger log = LoggerFactory.getLogger(Rescreening.class);
    static final String ON_LIST_RELOAD = "list_reload";

    record TenantRun(String tenant, int playersScreened, int hits, int newCases, int playersBlocked, long millis,
            String failure) {
    }

    record Report(String listSource, String listVersion, int tenants, int playersScreened, int hits, int newCases,
            int playersBlocked, long millis, List<TenantRun> runs) {
    }

    private final ScreeningLists lists;
    private final ScreeningCases cases;
    private final Players players;
    private final ActiveTenants tenants;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int batchSize;

    Rescreening(ScreeningLists lists, ScreeningCases cases, Players players, ActiveTenants tenants, JdbcClient jdbc,
            TransactionTemplate transactions, Clock clock, int batchSize) {
        this.lists = lists;
        this.cases = cases;
        this.players = players;
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Re-screens every active tenant because {@code version} of a list was loaded. */
    Report everyActiveTenant(ScreeningLists.ListVersion version) {
        return tenants(tenants.list(), version);
    }

    Report tenants(List<BoundTenant> which, ScreeningLists.ListVersion version) {
        long started = System.nanoTime();
        List<TenantRun> runs = new ArrayList<>();
        for (BoundTenant tenant : which) {
            long tenantStarted = System.nanoTime();
            try {
                runs.add(TenantContext.callAs(tenant, () -> tenant(tenant, version)));
            } catch (RuntimeException e) {
                log.error("re-screening tenant {} on {} {} failed", tenant.slug().value(), version.source(), version.name(), e);
                runs.add(new TenantRun(tenant.slug().value(), 0, 0, 0, 0, (System.nanoTime() - tenantStarted) / 1_000_000,
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        Report report = new Report(version.source(), version.name(), runs.size(),
                runs.stream().mapToInt(TenantRun::playersScreened).sum(), runs.stream().mapToInt(TenantRun::hits).sum(),
                runs.stream().mapToInt(TenantRun::newCases).sum(), runs.stream().mapToInt(TenantRun::playersBlocked).sum(),
                (System.nanoTime() - started) / 1_000_000, List.copyOf(runs));
        log.info("re-screened {} players of {} tenants on {} {}: {} hits, {} new cases, {} players blocked, {} ms",
                report.playersScreened(), report.tenants(), version.source(), version.name(), report.hits(),
                report.newCases(), report.playersBlocked(), report.millis());
        return report;
    }

    private TenantRun tenant(BoundTenant tenant, ScreeningLists.ListVersion version) {
        long started = System.nanoTime();
        ScreeningLists.Snapshot snapshot = lists.current();
        UUID run = UUID.randomUUID();
        Instant begun = clock.instant();
        transactions.executeWithoutResult(status -> jdbc.sql("""
                        INSERT INTO screening_run (id, list_source, list_version, started_at) VALUES (?, ?, ?, ?)""")
                .params(run, version.source(), version.name(), Timestamp.from(begun)).update());
        int screened = 0;
        int hits = 0;
        int opened = 0;
        int blocked = 0;
        UUID after = null;
        while (true) {
            List<PlayerView> batch = players.inIdOrder(after, batchSize);
            if (batch.isEmpty()) {
                break;
            }
            Batch result = transactions.execute(status -> screen(batch, snapshot));
            for (UUID player : result.toBlock()) {
                if (players.blockForScreening(player)) {
                    blocked++;
                }
            }
            screened += batch.size();
            hits += result.hits();
            opened += result.opened();
            after = batch.getLast().id();
            int[] counts = {screened, hits, opened, blocked};
            transactions.executeWithoutResult(status -> jdbc.sql("""
                            UPDATE screening_run SET players_screened = ?, hits = ?, new_cases = ?, players_blocked = ?
                            WHERE id = ?""")
                    .params(counts[0], counts[1], counts[2], counts[3], run).update());
        }
        transactions.executeWithoutResult(status -> jdbc.sql("UPDATE screening_run SET finished_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), run).update());
        return new TenantRun(tenant.slug().value(), screened, hits, opened, blocked, (System.nanoTime() - started) / 1_000_000,
                null);
    }

    private record Batch(int hits, int opened, List<UUID> toBlock) {
    }

    private Batch screen(List<PlayerView> batch, ScreeningLists.Snapshot snapshot) {
        int hits = 0;
        int opened = 0;
        List<UUID> toBlock = new ArrayList<>();
        Instant now = clock.instant();
        for (PlayerView player : batch) {
            boolean newSanctionsCase = false;
            for (Hit hit : snapshot.index().screen(ScreeningCases.screenedName(player), player.dateOfBirth())) {
                hits++;
                if (cases.open(player, hit, snapshot.versionOf(hit.entry().source()), ON_LIST_RELOAD, now)) {
                    opened++;
                    newSanctionsCase |= hit.entry().source().sanctions();
                }
            }
            if (newSanctionsCase && PlayerStatus.ACTIVE.wireName().equals(player.status())) {
                toBlock.add(player.id());
            }
        }
        return new Batch(hits, opened, toBlock);
    }

    /** The tenant's re-screening runs, newest first. */
    List<TenantRunRecord> runs(int limit) {
        return jdbc.sql("SELECT list_source, list_version, started_at, finished_at, players_screened, hits, new_cases, players_blocked"
                + " FROM screening_run ORDER BY started_at DESC LIMIT ?").params(limit)
                .query((rs, row) -> new TenantRunRecord(rs.getString("list_source"), rs.getString("list_version"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
                        rs.getInt("players_screened"), rs.getInt("hits"), rs.getInt("new_cases"), rs.getInt("players_blocked")))
                .list();
    }

    record TenantRunRecord(String listSource, String listVersion, Instant startedAt, Instant finishedAt,
            int playersScreened, int hits, int newCases, int playersBlocked) {
    }
}
