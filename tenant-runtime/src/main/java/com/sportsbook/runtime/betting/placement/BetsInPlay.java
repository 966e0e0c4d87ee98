package com.sportsbook.runtime.betting.placement;

import com.sportsbook.runtime.catalog.CatalogChange;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When an event goes in play, its accepted bets become open (the bet is running), each with its transition logged.
 * Listens to the catalog's committed changes; one statement per event start.
 */
@Component
class BetsInPlay {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    BetsInPlay(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @EventListener
    void on(CatalogChange change) {
        if (!(change instanceof CatalogChange.EventChanged event) || !"live".equals(event.status())) {
            return;
        }
        TenantContext.runAs(BoundTenant.of(event.tenant()), () -> transactions.executeWithoutResult(status -> {
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.sql("""
                    WITH started AS (
                      UPDATE bet SET status = 'open' WHERE status = 'accepted'
                        AND id IN (SELECT bet_id FROM bet_leg WHERE event_id = ?) RETURNING id)
                    INSERT INTO bet_transition (bet_id, from_status, to_status, cause, at)
                    SELECT id, 'accepted', 'open', 'an event of the bet went in play', ? FROM started""")
                    .params(event.eventId(), now).update();
        }));
    }
}
