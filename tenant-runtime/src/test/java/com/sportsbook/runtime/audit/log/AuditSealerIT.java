package com.sportsbook.runtime.audit.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.QueryPlans;
import com.sportsbook.runtime.TestPools;
import com.sportsbook.runtime.audit.AuditEntry;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduled sealing pass and a record that commits late: one whose id is below records already sealed (its
 * transaction began first and ended last) is chained by the next pass, after them, and not lost.
 */
class AuditSealerIT {

    private final TestDatabase database = TestPostgres.freshDatabase();
    private final BoundTenant tenant = BoundTenant.of("sealer");
    private HikariDataSource dataSource;
    private JdbcClient jdbc;
    private TransactionTemplate transactions;
    private JdbcAuditTrail trail;

    @BeforeEach
    void aTenantWithAnEmptyLog() {
        TestPools.migrateTenant(database, tenant);
        dataSource = new HikariDataSource(TestPools.boundTo(database, tenant, 3));
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        trail = new JdbcAuditTrail(jdbc, transactions, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    private AuditSealer sealer(int batch) {
        return new AuditSealer(new AuditChain(jdbc), transactions, Clock.systemUTC(), batch);
    }

    private void record(String subject) {
        trail.record(AuditEntry.of("test.fact", subject).by("tester"));
    }

    /** Every record's chain position by id, and whether each link names the hash of the one before it. */
    private List<Map<String, Object>> chain() {
        return jdbc.sql("""
                SELECT record_id, seq, prev_hash = coalesce(lag(hash) OVER (ORDER BY seq), repeat('0', 64)) AS linked
                FROM audit_chain_link ORDER BY seq""").query().listOfRows();
    }

    @Test
    void aRecordCommittedAfterLaterOnesWereSealedIsChainedByTheNextPassAfterThem() throws Exception {
        long straggler;
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            try (PreparedStatement insert = slow.prepareStatement("""
                    WITH record AS (
                      INSERT INTO audit_record (kind, subject_id, actor, occurred_at, payload)
                      VALUES ('test.fact', 'slow', 'tester', now(), '{}') RETURNING id)
                    INSERT INTO audit_unsealed (record_id) SELECT id FROM record RETURNING record_id""");
                    ResultSet id = insert.executeQuery()) {
                id.next();
                straggler = id.getLong(1);
            }
            for (int i = 1; i <= 3; i++) {
                record("s" + i);
            }
            AuditSealer sealer = sealer(2);

            assertThat(TenantContext.callAs(tenant, sealer::sealIfFree)).as("the three committed ones").isEqualTo(3);
            slow.commit();
            assertThat(TenantContext.callAs(tenant, sealer::sealIfFree)).as("the straggler, on the next pass").isEqualTo(1);
        }

        assertThat(jdbc.sql("SELECT seq FROM audit_chain_link WHERE record_id = ?").param(straggler).query(Long.class).single())
                .isEqualTo(4);
        assertThat(chain()).extracting(row -> row.get("linked")).hasSize(4).containsOnly(true);
    }

    @Test
    void theSealerReadsOnlyTheRecordsOnItsWorkListHoweverLongTheLogIs() {
        // in one transaction, rolled back, so that nothing analyses the tables meanwhile: a tenant's log before its
        // first statistics (a new tenant, or a server without autovacuum), where a join of the work list to the records
        // was planned as a merge join from the first record, a pass costing more with every record ever written
        long read = transactions.execute(status -> {
            status.setRollbackOnly();
            writeRecords("old", 20000);
            // sealed long ago: off the work list, as the sealer takes them
            jdbc.sql("DELETE FROM audit_unsealed").update();
            writeRecords("new", 3);
            return QueryPlans.rowsRead(jdbc, "audit_record", AuditChain.UNSEALED, 500);
        });

        assertThat(read).as("records read to find the three on the work list").isLessThanOrEqualTo(3);
    }

    /** Records written as the trail writes them at commit, each with its place on the work list. */
    private void writeRecords(String subject, int count) {
        jdbc.sql("""
                WITH record AS (
                  INSERT INTO audit_record (kind, subject_id, actor, occurred_at, payload)
                  SELECT 'test.fact', ? || '-' || n, 'tester', now(), repeat('x', 300) FROM generate_series(1, ?) AS n
                  RETURNING id)
                INSERT INTO audit_unsealed (record_id) SELECT id FROM record""").params(subject, count).update();
    }
}
