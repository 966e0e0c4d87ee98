package com.sportsbook.runtime.audit.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.TenantSlug;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.TestPools;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantChangelogUpTo;
import com.sportsbook.runtime.tenancy.TenantSchemaMigrator;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A tenant whose log was chained in place (ADR 0016's chain columns on {@code audit_record}) is upgraded by
 * {@code audit-0007-chain-links} (ADR 0030): its links move into {@code audit_chain_link} unchanged, its unsealed
 * records onto the work list, and the chain verifies before and after the sealer chains the rest.
 */
class ChainLinksMigrationIT {

    private static final String CHAIN_LINKS = "audit-0007-chain-links";

    private final TestDatabase database = TestPostgres.freshDatabase();
    private final BoundTenant tenant = BoundTenant.of("chainmove");
    private HikariDataSource dataSource;

    @AfterEach
    void close() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @Test
    void aLogChainedInPlaceMovesIntoLinksAndStillVerifiesAndItsUnsealedRecordIsChainedAfterIt() throws Exception {
        TenantSlug slug = new TenantSlug("chainmove");
        try (HikariDataSource migrations = new HikariDataSource(TestPools.config(database, 2))) {
            TenantSchemaMigrator migrator = new TenantSchemaMigrator(migrations, TenantChangelogUpTo.CHANGELOG);
            migrator.createSchema(slug);
            TenantChangelogUpTo.migrateUpTo(migrations, tenant, CHAIN_LINKS);
            JdbcClient old = JdbcClient.create(migrations);
            String schema = tenant.schema().quoted();
            for (int i = 1; i <= 5; i++) {
                old.sql("INSERT INTO " + schema + ".audit_record (kind, subject_id, actor, occurred_at, payload)"
                        + " VALUES ('test.fact', ?, 'tester', now(), ?)").params("subject-" + i, "{\"n\":" + i + "}").update();
            }
            // the old sealer's fill: chain columns on the first four records, and the head
            List<AuditRow> records = old.sql("SELECT id, kind, subject_id, reference, actor, occurred_at, payload, seq, prev_hash,"
                    + " hash, sealed_at FROM " + schema + ".audit_record ORDER BY id").query((rs, row) -> AuditRow.of(rs)).list();
            String previous = ChainHash.GENESIS;
            for (int seq = 1; seq <= 4; seq++) {
                String hash = ChainHash.of(seq, previous, records.get(seq - 1));
                old.sql("UPDATE " + schema + ".audit_record SET seq = ?, prev_hash = ?, hash = ?, sealed_at = now() WHERE id = ?")
                        .params(seq, previous, hash, records.get(seq - 1).id()).update();
                previous = hash;
            }
            old.sql("UPDATE " + schema + ".audit_chain_head SET last_seq = 4, last_hash = ?, updated_at = now()").param(previous).update();

            assertThat(migrator.migrate(slug).changesetsApplied()).as("the changeset that moves the chain, and any after it").isPositive();
        }
        dataSource = new HikariDataSource(TestPools.boundTo(database, tenant, 2));
        JdbcClient jdbc = JdbcClient.create(dataSource);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        AuditChain chain = new AuditChain(jdbc);

        ChainWalk.Result moved = transactions.execute(status -> ChainWalk.verify(chain));
        assertThat(moved.intact()).as(String.valueOf(moved.finding())).isTrue();
        assertThat(moved.recordsChecked()).isEqualTo(4);
        assertThat(moved.unsealed()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_unsealed").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = 'audit_record'")
                .param(tenant.schema().name()).query(String.class).list()).doesNotContain("seq", "prev_hash", "hash", "sealed_at");

        int sealed = new AuditSealer(chain, transactions, Clock.systemUTC(), 100).seal();
        ChainWalk.Result after = transactions.execute(status -> ChainWalk.verify(chain));
        assertThat(sealed).isEqualTo(1);
        assertThat(after.intact()).as(String.valueOf(after.finding())).isTrue();
        assertThat(after.recordsChecked()).isEqualTo(5);
        assertThat(after.unsealed()).isZero();
    }
}
