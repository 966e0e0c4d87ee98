package com.sportsbook.runtime.audit.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.QueryPlans;
import com.sportsbook.runtime.TestPools;
import com.sportsbook.runtime.audit.BetReceipt;
import com.sportsbook.runtime.audit.ReceiptVerification;
import com.sportsbook.runtime.audit.SignedReceipt;
import com.sportsbook.runtime.audit.log.JdbcAuditTrail;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantChangelogUpTo;
import com.sportsbook.runtime.tenancy.TenantSchemaMigrator;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The receipt signer's work list (ADR 0031): a tenant upgraded by {@code audit-0008-receipt-work-list} has its
 * unsigned receipts listed and signed by the next pass, and a pass reads only the receipts it signs, however many were
 * signed before.
 */
class ReceiptWorkListIT {

    private static final String RECEIPT_WORK_LIST = "audit-0008-receipt-work-list";

    private final TestDatabase database = TestPostgres.freshDatabase();
    private final BoundTenant tenant = BoundTenant.of("receipts");
    private HikariDataSource dataSource;
    private JdbcClient jdbc;
    private TransactionTemplate transactions;
    private JdbcBetReceipts receipts;

    @AfterEach
    void close() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    private void connect() {
        dataSource = new HikariDataSource(TestPools.boundTo(database, tenant, 3));
        jdbc = JdbcClient.create(dataSource);
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        transactions = new TransactionTemplate(manager);
        TransactionTemplate own = new TransactionTemplate(manager);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        receipts = new JdbcBetReceipts(jdbc, new JdbcAuditTrail(jdbc, transactions, Clock.systemUTC()), transactions, own,
                ReceiptSigner.devDefault(), Clock.systemUTC());
    }

    private static String receiptText(UUID bet) {
        return "{\"betId\":\"" + bet + "\",\"totalStake\":700}";
    }

    @Test
    void aTenantsUnsignedReceiptsAreListedByTheUpgradeAndSignedByTheNextPassWhileSignedOnesKeepTheirSignature() throws Exception {
        UUID signedBefore = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        try (HikariDataSource migrations = new HikariDataSource(TestPools.config(database, 2))) {
            TenantSchemaMigrator migrator = new TenantSchemaMigrator(migrations, TenantChangelogUpTo.CHANGELOG);
            migrator.createSchema(tenant.slug());
            TenantChangelogUpTo.migrateUpTo(migrations, tenant, RECEIPT_WORK_LIST);
            JdbcClient old = JdbcClient.create(migrations);
            String table = tenant.schema().quoted() + ".audit_bet_receipt";
            Instant now = Instant.now();
            for (UUID bet : List.of(signedBefore, first, second)) {
                old.sql("INSERT INTO " + table + " (bet_id, player_id, receipt, issued_at) VALUES (?, ?, ?, ?)")
                        .params(bet, UUID.randomUUID(), receiptText(bet), Timestamp.from(now)).update();
                now = now.plusMillis(1);
            }
            // the old signer's one-time fill
            old.sql("UPDATE " + table + " SET signature = 'signed-before', key_id = 'old-key', signed_at = now() WHERE bet_id = ?")
                    .param(signedBefore).update();

            assertThat(migrator.migrate(tenant.slug()).changesetsApplied()).as("the work list's changeset, and any after it").isPositive();
        }
        connect();

        assertThat(jdbc.sql("SELECT bet_id FROM audit_unsigned_receipt ORDER BY id").query(UUID.class).list())
                .as("the unsigned receipts, in the order they were issued").containsExactly(first, second);
        assertThat(jdbc.sql("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_audit_bet_receipt_unsigned'")
                .query(Long.class).single()).isZero();
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_unsigned_receipt SET bet_id = ? WHERE bet_id = ?")
                .params(UUID.randomUUID(), first).update()).as("entries are added and taken, never changed")
                .hasMessageContaining("immutable");
        int signed = receipts.signPending();

        assertThat(signed).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_unsigned_receipt").query(Long.class).single()).isZero();
        for (UUID bet : List.of(first, second)) {
            SignedReceipt receipt = receipts.forBet(bet).orElseThrow();
            assertThat(ReceiptVerification.verify(receipt.receipt(), receipt.signature(), receipts.publicKey().publicKey()))
                    .as("a valid signature of the receipt as written").isTrue();
        }
        assertThat(receipts.forBet(signedBefore).orElseThrow().signature()).isEqualTo("signed-before");
    }

    @Test
    void aReceiptIssuedIsListedOnceSignedOnFirstReadAndThenTakenOffTheList() {
        TestPools.migrateTenant(database, tenant);
        connect();
        BetReceipt receipt = new BetReceipt(UUID.randomUUID(), UUID.randomUUID(), "receipts", Instant.now(), "single", "EUR",
                700, 1, 700, 1400, List.of());

        // in the accepting transaction (with the audit records, at commit), then again outside one (its own statement)
        String issued = transactions.execute(status -> receipts.issue(receipt));
        receipts.issue(receipt);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_unsigned_receipt WHERE bet_id = ?").param(receipt.betId())
                .query(Long.class).single()).as("listed once, however often it is issued").isEqualTo(1);

        SignedReceipt read = receipts.forBet(receipt.betId()).orElseThrow();

        assertThat(read.receipt()).isEqualTo(issued);
        assertThat(ReceiptVerification.verify(read.receipt(), read.signature(), receipts.publicKey().publicKey())).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_unsigned_receipt").query(Long.class).single()).isZero();
        assertThat(receipts.signPending()).as("nothing left for the pass").isZero();
    }

    @Test
    void aSigningPassReadsOnlyTheReceiptsOnItsWorkListHoweverManyWereSignedBefore() {
        TestPools.migrateTenant(database, tenant);
        connect();
        // in one transaction, rolled back, so that nothing analyses or vacuums the tables meanwhile: 20,000 receipts
        // signed before, each having left a dead row version behind it, as they do until a vacuum
        long[] read = transactions.execute(status -> {
            status.setRollbackOnly();
            writeReceipts(20000);
            jdbc.sql("DELETE FROM audit_unsigned_receipt").update();
            jdbc.sql("UPDATE audit_bet_receipt SET signature = 'signed', key_id = 'key', signed_at = now()").update();
            writeReceipts(3);
            return new long[] {QueryPlans.rowsRead(jdbc, "audit_bet_receipt", JdbcBetReceipts.WORK, 500),
                    QueryPlans.pagesRead(jdbc, "audit_bet_receipt", JdbcBetReceipts.WORK, 500)};
        });

        assertThat(read[0]).as("receipts read to sign the three on the list").isLessThanOrEqualTo(3);
        // three lookups by key, a few pages each; the partial index of unsigned receipts led a pass through every page
        // holding a receipt signed since the last vacuum (about 2,000 here)
        assertThat(read[1]).as("pages of receipts and their indexes touched").isLessThanOrEqualTo(30);
    }

    /** Receipts as the accepting transactions write them (in the audit records' statement), each put on the list. */
    private void writeReceipts(int count) {
        jdbc.sql("""
                WITH receipt AS (
                  INSERT INTO audit_bet_receipt (bet_id, player_id, receipt, issued_at)
                  SELECT gen_random_uuid(), gen_random_uuid(), repeat('r', 700), now() FROM generate_series(1, ?)
                  RETURNING bet_id)
                INSERT INTO audit_unsigned_receipt (bet_id) SELECT bet_id FROM receipt""").param(count).update();
    }
}
