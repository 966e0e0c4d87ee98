package com.sportsbook.runtime.audit;

import com.sportsbook.runtime.TestBetting;
import com.sportsbook.runtime.TestBetting.Selection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sportsbook.commons.TenantSlug;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.RuntimeTestSettings;
import com.sportsbook.runtime.TestTenants;
import com.sportsbook.runtime.audit.log.AuditSealer;
import com.sportsbook.runtime.audit.log.AuditVerifications;
import com.sportsbook.runtime.betting.cashout.CashOuts;
import com.sportsbook.runtime.betting.core.BetShape;
import com.sportsbook.runtime.betting.core.Betslip;
import com.sportsbook.runtime.betting.core.OddsPolicy;
import com.sportsbook.runtime.betting.placement.BetPlacement;
import com.sportsbook.runtime.betting.placement.BetRefused;
import com.sportsbook.runtime.betting.placement.BetView;
import com.sportsbook.runtime.catalog.CatalogIngestion;
import com.sportsbook.runtime.feeds.jsonl.JsonLinesFeed;
import com.sportsbook.runtime.identity.PlayerView;
import com.sportsbook.runtime.settlement.run.SettlementRuns;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.tenancy.TenantSchemaMigrator;
import com.sportsbook.runtime.tenancy.TenantSeeder;
import com.sportsbook.runtime.wallet.AccountRef;
import com.sportsbook.runtime.wallet.HouseAccountKind;
import com.sportsbook.runtime.wallet.Posting;
import com.sportsbook.runtime.wallet.TransactionKind;
import com.sportsbook.runtime.wallet.Wallet;
import com.sportsbook.runtime.wallet.WalletCommand;
import com.sportsbook.runtime.wallet.WalletOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log on PostgreSQL with the real placement, cash-out, settlement and ledger: each leaves its records in its
 * own transaction and the sealer chains them; the database refuses to change or delete a record; the verifier
 * passes an untouched chain and names the first bad record after an edit, a deletion or a swap made behind the
 * triggers' back; 200 bets from 8 threads while the sealer runs give a chain without gaps; every accepted bet has a
 * receipt that verifies with the published key, and a tampered one does not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogIT {

    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final BoundTenant TENANT = new BoundTenant(new TenantSlug("audit1"), "main");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant SOON = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
    private static final Instant STARTED = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        RuntimeTestSettings.standalone(registry, DATABASE, 14);
    }

    @Autowired
    BetPlacement placement;

    @Autowired
    CashOuts cashOuts;

    @Autowired
    SettlementRuns runs;

    @Autowired
    CatalogIngestion ingestion;

    @Autowired
    Wallet wallet;

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditSealer sealer;

    @Autowired
    AuditVerifications verifications;

    @Autowired
    BetReceipts receipts;

    @Autowired
    com.sportsbook.runtime.audit.receipts.JdbcBetReceipts receiptSigning;

    @Autowired
    TenantSchemaMigrator migrator;

    @Autowired
    List<TenantSeeder> seeders;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    private int events;

    @BeforeAll
    void aTenantWithMarkets() {
        TestTenants.provision(TENANT, migrator, seeders, transactions);
        in(TENANT, () -> sql().sql("UPDATE bet_delay SET seconds = 1").update());
        in(TENANT, () -> sql().sql("UPDATE betting_limits SET market_liability_limit = 100000000000, max_payout = 100000000000").update());
        feed("""
                {"type":"event","eventRef":"live:1","version":1,"sport":"football","category":"Spain","competition":"La Liga","home":"Betis","away":"Getafe","startsAt":"%s","status":"live","score":{"home":0,"away":0}}
                {"type":"market","eventRef":"live:1","version":2,"marketRef":"live:1:1x2","marketType":"1x2","status":"open","prices":{"home":"2.00","draw":"3.20","away":"4.20"}}
                """.formatted(STARTED));
    }

    // ---- helpers

    private String match() {
        String ref = "a:" + (++events);
        feed("""
                {"type":"event","eventRef":"%1$s","version":1,"sport":"football","category":"England","competition":"Premier League","home":"Home %1$s","away":"Away %1$s","startsAt":"%2$s","status":"scheduled"}
                {"type":"market","eventRef":"%1$s","version":2,"marketRef":"%1$s:1x2","marketType":"1x2","status":"open","prices":{"home":"2.10","draw":"3.40","away":"3.60"}}
                """.formatted(ref, SOON));
        return ref;
    }

    private void feed(String lines) {
        ingestion.ingest(JsonLinesFeed.read(lines).messages(), List.of(TENANT));
    }

    private JdbcClient sql() {
        return JdbcClient.create(dataSource);
    }

    private <T> T in(BoundTenant tenant, Supplier<T> work) {
        return TestTenants.inTransaction(tenant, transactions, work);
    }

    private Selection selection(String marketRef, String key) {
        return in(TENANT, () -> TestBetting.offered(sql(), marketRef, key));
    }

    private PlayerView player(long deposit) {
        UUID id = UUID.randomUUID();
        deposit(id, deposit);
        return TestBetting.punter(id);
    }

    private UUID deposit(UUID player, long amount) {
        WalletOutcome outcome = TenantContext.callAs(TENANT, () -> wallet.execute(new WalletCommand.Transfer(
                "deposit:" + UUID.randomUUID(), TransactionKind.DEPOSIT, List.of(new Posting(AccountRef.cash(player, "main", EUR), amount),
                        new Posting(AccountRef.house("main", EUR, HouseAccountKind.PSP_CLEARING), -amount)), "psp-ref-" + player, null)));
        return ((WalletOutcome.Applied) outcome).transactionId();
    }

    private BetView single(PlayerView player, Selection selection, long stake) {
        return TenantContext.callAs(TENANT, () -> placement.place(player, new Betslip(BetShape.SINGLE, stake, "EUR",
                List.of(new Betslip.Leg(selection.id(), selection.price())), OddsPolicy.ANY), UUID.randomUUID().toString())).bet();
    }

    /** A record as stored, chain columns included (null until sealed). */
    private record Stored(long id, String kind, String subject, String reference, String actor, String payload, Long seq,
            String hash) {
    }

    private List<Stored> records(BoundTenant tenant, String kind, String subjectOrReference) {
        return in(tenant, () -> sql().sql("""
                SELECT r.id, r.kind, r.subject_id, r.reference, r.actor, r.payload, l.seq, l.hash
                FROM audit_record r LEFT JOIN audit_chain_link l ON l.record_id = r.id
                WHERE r.kind = ? AND (r.subject_id = ? OR r.reference = ?) ORDER BY r.id""")
                .params(kind, subjectOrReference, subjectOrReference)
                .query((rs, row) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getObject(7, Long.class), rs.getString(8)))
                .list());
    }

    private Stored only(String kind, Object subjectOrReference) {
        List<Stored> found = records(TENANT, kind, subjectOrReference.toString());
        assertThat(found).as(kind + " of " + subjectOrReference).hasSize(1);
        return found.getFirst();
    }

    private int seal(BoundTenant tenant) {
        return TenantContext.callAs(tenant, () -> sealer.seal());
    }

    private AuditVerifications.Verification verify(BoundTenant tenant) {
        return TenantContext.callAs(tenant, () -> verifications.run("compliance@example.com"));
    }

    /** Runs SQL as the database superuser with every trigger off, as someone tampering behind the platform's back would. */
    private void tamper(BoundTenant tenant, String... statements) {
        in(tenant, () -> {
            sql().sql("SET LOCAL session_replication_role = replica").update();
            for (String statement : statements) {
                sql().sql(statement).update();
            }
            return null;
        });
    }

    /** A fresh tenant whose log holds {@code count} records, all sealed. */
    private BoundTenant tenantWithSealedLog(String slug, int count) {
        BoundTenant tenant = new BoundTenant(new TenantSlug(slug), "main");
        TestTenants.provision(tenant, migrator, seeders, transactions);
        for (int i = 1; i <= count; i++) {
            int n = i;
            in(tenant, () -> {
                trail.record(AuditEntry.of("test.fact", "subject-" + n).by("tester").with("n", n).with("price", new BigDecimal("1.50")));
                return null;
            });
        }
        seal(tenant);
        return tenant;
    }

    private long idAt(BoundTenant tenant, long seq) {
        return in(tenant, () -> sql().sql("SELECT record_id FROM audit_chain_link WHERE seq = ?").param(seq).query(Long.class).single());
    }

    // ---- behaviours

    @Test
    void anAcceptedBetLeavesItsPricesAndItsStakeInTheLogAndTheSealerChainsThem() {
        String match = match();
        Selection home = selection(match + ":1x2", "home");
        PlayerView player = player(10_000);

        BetView bet = single(player, home, 500);

        Stored accepted = only("bet.accepted", bet.id());
        assertThat(accepted.actor()).isEqualTo("player:" + player.id());
        assertThat(accepted.payload()).contains("\"price\":\"" + home.price().toPlainString() + "\"")
                .contains("\"totalStake\":500").contains("\"receipt\":{\"acceptedAt\":");
        Stored stake = records(TENANT, "wallet.transaction", bet.id().toString()).stream()
                .filter(record -> record.payload().contains("\"transactionKind\":\"stake\"")).findFirst().orElseThrow();
        assertThat(stake.payload()).contains("\"amount\":-500").contains("\"amount\":500");
        assertThat(accepted.seq()).as("not sealed at once").isNull();

        seal(TENANT);

        assertThat(only("bet.accepted", bet.id()).seq()).isNotNull();
        assertThat(only("bet.accepted", bet.id()).hash()).hasSize(64);
        assertThat(records(TENANT, "wallet.transaction", stake.subject()).getFirst().seq()).isNotNull();
    }

    @Test
    void aRecordCommitsWithItsOwnTransactionEvenInsideAnotherThatRollsBack() {
        String outer = "outer-" + UUID.randomUUID();
        String inner = "inner-" + UUID.randomUUID();
        org.springframework.transaction.support.TransactionTemplate separately =
                new org.springframework.transaction.support.TransactionTemplate(transactions);
        separately.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        in(TENANT, () -> {
            trail.record(AuditEntry.of("test.outer", outer));
            separately.executeWithoutResult(status -> trail.record(AuditEntry.of("test.inner", inner)));
            return null;
        });
        TenantContext.runAs(TENANT, () -> new org.springframework.transaction.support.TransactionTemplate(transactions)
                .executeWithoutResult(status -> {
                    trail.record(AuditEntry.of("test.outer", outer + "-rolled-back"));
                    separately.executeWithoutResult(inside -> trail.record(AuditEntry.of("test.inner", inner + "-kept")));
                    status.setRollbackOnly();
                }));

        Map<String, Long> written = in(TENANT, () -> sql().sql("""
                SELECT subject_id, count(*) FROM audit_record WHERE subject_id LIKE ? OR subject_id LIKE ? GROUP BY subject_id""")
                .params(outer + "%", inner + "%")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(written).containsOnly(Map.entry(outer, 1L), Map.entry(inner, 1L), Map.entry(inner + "-kept", 1L));
    }

    @Test
    void aWalletTransactionIsLoggedWithItsPostingsAndARefusedBetLeavesNothing() {
        UUID playerId = UUID.randomUUID();
        UUID deposit = deposit(playerId, 300);
        PlayerView broke = new PlayerView(playerId, "main", "x@example.com", "Pat", "Punter", LocalDate.of(1990, 1, 1), "MT",
                "EUR", "active", Instant.now());
        long before = in(TENANT, () -> sql().sql("SELECT count(*) FROM audit_record").query(Long.class).single());

        assertThatThrownBy(() -> single(broke, selection(match() + ":1x2", "draw"), 500)).isInstanceOf(BetRefused.class);

        Stored logged = only("wallet.transaction", deposit);
        assertThat(logged.reference()).isEqualTo("psp-ref-" + playerId);
        assertThat(logged.payload()).contains("\"transactionKind\":\"deposit\"").contains("\"player\":\"" + playerId + "\"")
                .contains("\"amount\":300").contains("\"amount\":-300");
        assertThat(in(TENANT, () -> sql().sql("SELECT count(*) FROM audit_record").query(Long.class).single()))
                .as("the refused bet's records rolled back with it").isEqualTo(before);
        seal(TENANT);
        assertThat(only("wallet.transaction", deposit).seq()).isNotNull();
    }

    @Test
    void aCashOutLeavesItsRecordAndItsPayoutTransaction() {
        String match = match();
        PlayerView player = player(10_000);
        BetView bet = single(player, selection(match + ":1x2", "away"), 1_000);
        long offer = TenantContext.callAs(TENANT, () -> cashOuts.quote(player.id(), bet.id()).orElseThrow()).offer();

        CashOuts.Done done = TenantContext.callAs(TENANT, () -> cashOuts.cashOut(player.id(), bet.id(), BigDecimal.ONE, offer, "c", false));

        Stored cashedOut = only("bet.cashed_out", bet.id());
        assertThat(cashedOut.payload()).contains("\"payout\":" + done.cashOut().payout()).contains("\"status\":\"cashed_out\"")
                .contains("\"fraction\":\"1\"");
        assertThat(records(TENANT, "wallet.transaction", bet.id().toString()))
                .anySatisfy(record -> assertThat(record.payload()).contains("\"transactionKind\":\"payout\""));
        seal(TENANT);
        assertThat(only("bet.cashed_out", bet.id()).seq()).isNotNull();
    }

    @Test
    void aSettledBetLeavesItsSettlementWithEachLegsOutcome() {
        String match = match();
        PlayerView player = player(10_000);
        Selection home = selection(match + ":1x2", "home");
        BetView bet = single(player, home, 1_000);
        feed("""
                {"type":"event","eventRef":"%1$s","version":10,"sport":"football","category":"England","competition":"Premier League","home":"Home %1$s","away":"Away %1$s","startsAt":"%2$s","status":"live","score":{"home":0,"away":0}}
                {"type":"event","eventRef":"%1$s","version":11,"sport":"football","category":"England","competition":"Premier League","home":"Home %1$s","away":"Away %1$s","startsAt":"%2$s","status":"finished","score":{"home":2,"away":1}}
                {"type":"result","eventRef":"%1$s","version":12,"homeGoals":2,"awayGoals":1,"halfTimeHomeGoals":1,"halfTimeAwayGoals":0}
                """.formatted(match, SOON));
        UUID eventId = in(TENANT, () -> sql().sql("SELECT id FROM sport_event WHERE feed_ref = ?").param(match).query(UUID.class).single());

        TenantContext.callAs(TENANT, () -> runs.settleEvent(eventId, "test"));

        Stored settled = only("bet.settled", bet.id());
        long payout = home.price().multiply(BigDecimal.valueOf(1_000)).longValue();
        assertThat(settled.payload()).contains("\"status\":\"won\"").contains("\"payout\":" + payout).contains("\"outcome\":\"win\"");
        assertThat(records(TENANT, "result.entered", eventId.toString())).isNotEmpty();
        assertThat(records(TENANT, "wallet.transaction", bet.id().toString()))
                .anySatisfy(record -> assertThat(record.payload()).contains("\"transactionKind\":\"payout\""));
        seal(TENANT);
        assertThat(only("bet.settled", bet.id()).seq()).isNotNull();
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteRecordsAndTheirLinksInTheChain() {
        in(TENANT, () -> {
            trail.record(AuditEntry.of("test.fact", "guarded").by("tester").with("n", 1));
            return null;
        });
        long unsealed = in(TENANT, () -> sql().sql("SELECT max(id) FROM audit_record WHERE subject_id = 'guarded'").query(Long.class).single());
        assertThatThrownBy(() -> in(TENANT, () -> sql().sql("UPDATE audit_record SET payload = '{}' WHERE id = ?").param(unsealed).update()))
                .hasMessageContaining("immutable");
        seal(TENANT);
        long sealedSeq = in(TENANT, () -> sql().sql("SELECT seq FROM audit_chain_link WHERE record_id = ?").param(unsealed).query(Long.class).single());

        for (String refused : List.of("UPDATE audit_record SET payload = '{\"n\":2}' WHERE id = " + unsealed,
                "UPDATE audit_record SET actor = 'someone else' WHERE id = " + unsealed,
                "UPDATE audit_chain_link SET seq = seq + 100000 WHERE record_id = " + unsealed,
                "UPDATE audit_chain_link SET hash = repeat('0', 64) WHERE record_id = " + unsealed,
                "UPDATE audit_chain_link SET record_id = 0 WHERE record_id = " + unsealed,
                "DELETE FROM audit_record WHERE id = " + unsealed,
                "DELETE FROM audit_chain_link WHERE record_id = " + unsealed,
                "TRUNCATE audit_record",
                "TRUNCATE audit_chain_link",
                "UPDATE audit_chain_head SET last_seq = 0",
                "DELETE FROM audit_chain_head")) {
            assertThatThrownBy(() -> in(TENANT, () -> sql().sql(refused).update())).as(refused)
                    .hasMessageMatching("(?s).*(immutable|only moves forward).*");
        }
        assertThat(in(TENANT, () -> sql().sql("SELECT seq FROM audit_chain_link WHERE record_id = ?").param(unsealed).query(Long.class).single()))
                .isEqualTo(sealedSeq);
    }

    @Test
    void anUntouchedChainVerifies() {
        single(player(1_000), selection(match() + ":1x2", "home"), 100);

        AuditVerifications.Verification verification = verify(TENANT);

        assertThat(verification.intact()).as(verification.detail()).isTrue();
        assertThat(verification.recordsChecked()).isEqualTo(verification.lastSeq()).isPositive();
        assertThat(verification.unsealed()).isZero();
        assertThat(TenantContext.callAs(TENANT, () -> in(TENANT, () -> verifications.recent(5))))
                .extracting(AuditVerifications.Verification::id).contains(verification.id());
    }

    @Test
    void anEditedPayloadIsNamedAsTheFirstBadRecord() {
        BoundTenant tenant = tenantWithSealedLog("auditedit", 8);
        long edited = idAt(tenant, 4);

        tamper(tenant, "UPDATE audit_record SET payload = replace(payload, '1.50', '9.50') WHERE id = " + edited);

        AuditVerifications.Verification verification = verify(tenant);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.problem()).isEqualTo("hash_mismatch");
        assertThat(verification.firstBadSeq()).isEqualTo(4);
        assertThat(verification.firstBadRecordId()).isEqualTo(edited);
        assertThat(verification.recordsChecked()).isEqualTo(3);
    }

    @Test
    void aDeletedRecordIsNamedByItsSequenceNumberAndADeletedLinkByTheGapItLeaves() {
        BoundTenant records = tenantWithSealedLog("auditdelete", 8);
        BoundTenant links = tenantWithSealedLog("auditunlink", 8);
        long sixth = idAt(records, 6);

        tamper(records, "DELETE FROM audit_record WHERE id = " + sixth);
        tamper(links, "DELETE FROM audit_chain_link WHERE seq = 6");

        AuditVerifications.Verification recordGone = verify(records);
        assertThat(recordGone.intact()).isFalse();
        assertThat(recordGone.problem()).isEqualTo("missing_record");
        assertThat(recordGone.firstBadSeq()).isEqualTo(6);
        assertThat(recordGone.firstBadRecordId()).isEqualTo(sixth);
        assertThat(recordGone.detail()).contains("record 6 is missing");
        AuditVerifications.Verification linkGone = verify(links);
        assertThat(linkGone.problem()).isEqualTo("missing_record");
        assertThat(linkGone.firstBadSeq()).isEqualTo(6);
        assertThat(linkGone.detail()).contains("record 6 is missing: the chain goes from 5 to 7");
        assertThat(linkGone.unsealed()).as("the record whose link was taken out is counted as unsealed").isEqualTo(1);
    }

    @Test
    void twoSwappedRecordsAreNamedAtTheFirstOfThem() {
        BoundTenant tenant = tenantWithSealedLog("auditswap", 8);
        long fourth = idAt(tenant, 4);

        tamper(tenant, "UPDATE audit_chain_link SET seq = 1000000 WHERE seq = 3", "UPDATE audit_chain_link SET seq = 3 WHERE seq = 4",
                "UPDATE audit_chain_link SET seq = 4 WHERE seq = 1000000");

        AuditVerifications.Verification verification = verify(tenant);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.problem()).isEqualTo("previous_hash_mismatch");
        assertThat(verification.firstBadSeq()).isEqualTo(3);
        assertThat(verification.firstBadRecordId()).isEqualTo(fourth);
    }

    @Test
    void theLastRecordCutOffIsNoticedToo() {
        BoundTenant tenant = tenantWithSealedLog("audittail", 5);

        long fifth = idAt(tenant, 5);

        tamper(tenant, "DELETE FROM audit_chain_link WHERE seq = 5", "DELETE FROM audit_record WHERE id = " + fifth);

        AuditVerifications.Verification verification = verify(tenant);
        assertThat(verification.problem()).isEqualTo("missing_tail");
        assertThat(verification.firstBadSeq()).isEqualTo(5);
    }

    @Test
    void twoHundredBetsFromEightThreadsWhileTheSealerRunsGiveAChainWithoutGaps() throws Exception {
        List<Selection> selections = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            selections.add(selection(match() + ":1x2", "home"));
        }
        List<PlayerView> players = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            players.add(player(1_000_000));
        }
        AtomicBoolean placing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(9);
        Future<Integer> sealing = pool.submit(() -> {
            int sealed = 0;
            while (placing.get()) {
                sealed += seal(TENANT);
            }
            return sealed;
        });
        List<Callable<UUID>> bets = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            bets.add(() -> single(players.get(n % players.size()), selections.get(n % selections.size()), 100).id());
        }
        List<Future<UUID>> placed = new ArrayList<>();
        ExecutorService bettors = Executors.newFixedThreadPool(8);
        placed.addAll(bettors.invokeAll(bets));
        placing.set(false);
        assertThat(sealing.get()).as("the sealer ran meanwhile").isPositive();
        bettors.shutdown();
        pool.shutdown();
        List<UUID> ids = new ArrayList<>();
        for (Future<UUID> bet : placed) {
            ids.add(bet.get());
        }

        seal(TENANT);

        Map<String, Object> chain = in(TENANT, () -> sql().sql("""
                SELECT count(*) AS records, count(l.seq) AS sealed, min(l.seq) AS first, max(l.seq) AS last,
                  count(DISTINCT l.seq) AS distinct_seqs, (SELECT count(*) FROM audit_unsealed) AS on_work_list
                FROM audit_record r LEFT JOIN audit_chain_link l ON l.record_id = r.id""").query().singleRow());
        assertThat(chain.get("on_work_list")).isEqualTo(0L);
        assertThat(chain.get("sealed")).isEqualTo(chain.get("records"));
        assertThat(chain.get("first")).isEqualTo(1L);
        assertThat(chain.get("last")).as("no gaps").isEqualTo(chain.get("records"));
        assertThat(chain.get("distinct_seqs")).isEqualTo(chain.get("records"));
        long accepted = in(TENANT, () -> sql().sql("SELECT count(*) FROM audit_record WHERE kind = 'bet.accepted' AND subject_id IN (:ids)")
                .param("ids", ids.stream().map(UUID::toString).toList()).query(Long.class).single());
        assertThat(accepted).isEqualTo(200);
        AuditVerifications.Verification verification = verify(TENANT);
        assertThat(verification.intact()).as(verification.detail()).isTrue();
    }

    @Test
    void everyAcceptedBetHasAReceiptThatVerifiesWithThePublishedKeyAndNotOnceTampered() {
        String match = match();
        PlayerView player = player(10_000);
        Selection draw = selection(match + ":1x2", "draw");
        BetView bet = single(player, draw, 700);

        SignedReceipt receipt = TenantContext.callAs(TENANT, () -> receipts.forBet(bet.id()).orElseThrow());
        String key = receipts.publicKey().publicKey();

        assertThat(receipt.playerId()).isEqualTo(player.id());
        assertThat(receipt.receipt()).contains("\"betId\":\"" + bet.id() + "\"").contains("\"playerId\":\"" + player.id() + "\"")
                .contains("\"price\":\"" + draw.price().toPlainString() + "\"").contains("\"totalStake\":700")
                .contains("\"potentialReturn\":" + bet.potentialReturn()).contains("\"selection\":\"Draw\"")
                .contains("\"market\":\"1x2\"").contains("\"tenant\":\"audit1\"");
        assertThat(ReceiptVerification.verify(receipt.receipt(), receipt.signature(), key)).isTrue();
        String tampered = receipt.receipt().replace("\"totalStake\":700", "\"totalStake\":7000");
        assertThat(ReceiptVerification.verify(tampered, receipt.signature(), key)).isFalse();
        assertThat(only("bet.accepted", bet.id()).payload()).as("the receipt is in the chain").contains(receipt.receipt());
    }

    @Test
    void receiptsAreSignedAfterPlacementByTheSigningPassOrOnFirstReadAndThenNeverChange() {
        String match = match();
        PlayerView player = player(10_000);
        BetView read = single(player, selection(match + ":1x2", "home"), 100);
        BetView unread = single(player, selection(match + ":1x2", "away"), 100);
        String unsigned = "SELECT count(*) FROM audit_bet_receipt WHERE bet_id = ? AND signature IS NULL";
        assertThat(in(TENANT, () -> sql().sql(unsigned).param(unread.id()).query(Long.class).single()))
                .as("placement does not wait for the signature").isEqualTo(1);

        // read as the player's GET reads it, inside a read-only transaction
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        SignedReceipt onRead = TenantContext.callAs(TENANT, () -> readOnly.execute(status -> receipts.forBet(read.id()).orElseThrow()));
        assertThat(onRead.signature()).isNotNull();
        int signed = TenantContext.callAs(TENANT, () -> receiptSigning.signPending());

        assertThat(signed).isPositive();
        assertThat(in(TENANT, () -> sql().sql(unsigned).param(unread.id()).query(Long.class).single())).isZero();
        assertThat(TenantContext.callAs(TENANT, () -> receipts.forBet(read.id()).orElseThrow())).isEqualTo(onRead);
        SignedReceipt byPass = TenantContext.callAs(TENANT, () -> receipts.forBet(unread.id()).orElseThrow());
        assertThat(ReceiptVerification.verify(byPass.receipt(), byPass.signature(), receipts.publicKey().publicKey())).isTrue();
        for (String refused : List.of("UPDATE audit_bet_receipt SET signature = 'forged' WHERE bet_id = '" + read.id() + "'",
                "UPDATE audit_bet_receipt SET receipt = '{}' WHERE bet_id = '" + read.id() + "'",
                "DELETE FROM audit_bet_receipt WHERE bet_id = '" + read.id() + "'")) {
            assertThatThrownBy(() -> in(TENANT, () -> sql().sql(refused).update())).as(refused).hasMessageContaining("immutable");
        }
    }

    @Test
    void aDelayedInPlayBetGetsItsReceiptWhenAcceptedWithThePriceItWasAcceptedAt() throws InterruptedException {
        PlayerView player = player(10_000);
        Selection betis = selection("live:1:1x2", "home");
        BetView pending = single(player, betis, 400);
        assertThat(pending.status()).isEqualTo("pending");
        assertThat(TenantContext.callAs(TENANT, () -> receipts.forBet(pending.id()))).isEmpty();
        assertThat(only("bet.placed", pending.id()).payload()).contains("\"status\":\"pending\"");

        Thread.sleep(1_100);
        TenantContext.callAs(TENANT, () -> placement.processDue(50));

        SignedReceipt receipt = TenantContext.callAs(TENANT, () -> receipts.forBet(pending.id()).orElseThrow());
        assertThat(receipt.receipt()).contains("\"price\":\"" + betis.price().toPlainString() + "\"");
        assertThat(ReceiptVerification.verify(receipt.receipt(), receipt.signature(), receipts.publicKey().publicKey())).isTrue();
        assertThat(only("bet.accepted", pending.id()).payload()).contains("\"afterDelay\":true");
    }
}
