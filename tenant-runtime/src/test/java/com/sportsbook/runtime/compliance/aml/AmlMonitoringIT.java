package com.sportsbook.runtime.compliance.aml;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.RuntimeTestSettings;
import com.sportsbook.runtime.TestTenants;
import com.sportsbook.runtime.betting.placement.BetRecords;
import com.sportsbook.runtime.payments.PaymentSettled;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.tenancy.TenantSchemaMigrator;
import com.sportsbook.runtime.tenancy.TenantSeeder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * AML monitoring on PostgreSQL: payments' events (as payments publishes them after a deposit is credited or a
 * withdrawal requested) raise alerts once each, into one open case per player with a deadline; officers assign,
 * decide with a reason, and export the suspicious-activity report; a closed case is not reopened, a new alert opens
 * a new case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AmlMonitoringIT {

    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final BoundTenant TENANT = new BoundTenant(new com.sportsbook.commons.TenantSlug("aml1"), "main");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        RuntimeTestSettings.standalone(registry, DATABASE, 6);
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    AmlCases cases;

    @Autowired
    BetRecords bets;

    @Autowired
    TenantSchemaMigrator migrator;

    @Autowired
    List<TenantSeeder> seeders;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    @BeforeAll
    void aTenant() {
        TestTenants.provision(TENANT, migrator, seeders, transactions);
    }

    private <T> T in(Supplier<T> work) {
        return TestTenants.inTransaction(TENANT, transactions, work);
    }

    private PaymentSettled deposit(UUID player, long amount, Instant at, String method) {
        PaymentSettled moved = new PaymentSettled(TENANT.slug().value(), UUID.randomUUID(), player, "main",
                PaymentSettled.Kind.DEPOSIT, amount, "EUR", method, at);
        events.publishEvent(moved);
        return moved;
    }

    private void withdrawal(UUID player, long amount, Instant at) {
        events.publishEvent(new PaymentSettled(TENANT.slug().value(), UUID.randomUUID(), player, "main",
                PaymentSettled.Kind.WITHDRAWAL, amount, "EUR", null, at));
    }

    private List<String> alerts(UUID player) {
        return in(() -> JdbcClient.create(dataSource).sql("SELECT rule FROM aml_alert WHERE player_id = ? ORDER BY raised_at, rule")
                .param(player).query(String.class).list());
    }

    private Optional<AmlCases.CaseSummary> openCase(UUID player) {
        return in(() -> cases.queue("open", 500)).stream().filter(c -> c.playerId().equals(player)).findFirst();
    }

    @Test
    void aLargeDepositOpensACaseWithADeadlineAndTheSameEventTwiceRaisesOneAlert() {
        UUID player = UUID.randomUUID();
        PaymentSettled large = deposit(player, 1_500_000, Instant.now(), "card_1");
        events.publishEvent(large);

        assertThat(alerts(player)).containsExactly("large_deposit");
        AmlCases.CaseSummary opened = openCase(player).orElseThrow();
        assertThat(opened.alerts()).isEqualTo(1);
        assertThat(opened.deadline()).isBetween(Instant.now().plus(13, ChronoUnit.DAYS), Instant.now().plus(15, ChronoUnit.DAYS));
        assertThat(opened.owner()).isNull();
    }

    @Test
    void structuringVelocityAndManyPaymentMethodsJoinThePlayersOneOpenCase() {
        UUID player = UUID.randomUUID();
        // nanoseconds PostgreSQL rounds up to the next microsecond: each deposit must still count itself; yesterday
        // 22:30 UTC, so the five deposits span midnight (rules that fingerprint by day must still raise once each)
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(90, ChronoUnit.MINUTES)
                .with(java.time.temporal.ChronoField.NANO_OF_SECOND, 999_999_900);
        deposit(player, 950_000, start, "card_1");
        deposit(player, 900_000, start.plus(10, ChronoUnit.MINUTES), "card_2");
        deposit(player, 850_000, start.plus(20, ChronoUnit.MINUTES), "wallet_3");
        deposit(player, 10_000, start.plus(80, ChronoUnit.MINUTES), "bank_4");
        deposit(player, 10_000, start.plus(100, ChronoUnit.MINUTES), "bank_4");

        assertThat(alerts(player)).containsExactlyInAnyOrder("structuring", "many_payment_methods", "deposit_velocity");
        assertThat(in(() -> cases.queue(null, 500)).stream().filter(c -> c.playerId().equals(player))).hasSize(1);
        assertThat(openCase(player).orElseThrow().alerts()).isEqualTo(3);
    }

    @Test
    void withdrawingADepositUnplayedIsFlaggedButNotAfterThePlayerBetOnIt() {
        UUID idle = UUID.randomUUID();
        UUID punter = UUID.randomUUID();
        Instant at = Instant.now().minus(2, ChronoUnit.HOURS);
        deposit(idle, 50_000, at, "card_1");
        deposit(punter, 50_000, at, "card_1");
        in(() -> bets.insert(new BetRecords.NewBet(UUID.randomUUID(), punter, "main", "EUR", "single", 30_000, 1, 30_000,
                60_000, "any", false, "accepted", "k-" + UUID.randomUUID(), "h", at.plusSeconds(60), null, null, null), List.of(),
                List.of(), new com.sportsbook.runtime.betting.placement.BetView.Transition(null, "accepted", "placed", at.plusSeconds(60))));

        withdrawal(idle, 48_000, at.plus(1, ChronoUnit.HOURS));
        withdrawal(punter, 48_000, at.plus(1, ChronoUnit.HOURS));

        assertThat(alerts(idle)).containsExactly("deposit_then_withdrawal");
        assertThat(alerts(punter)).isEmpty();
    }

    @Test
    void anOfficerAssignsDecidesWithAReasonAndExportsTheReportAndANewAlertOpensANewCase() {
        UUID player = UUID.randomUUID();
        deposit(player, 2_000_000, Instant.now().minusSeconds(60), "card_9");
        UUID caseId = openCase(player).orElseThrow().id();

        Optional<AmlCases.Refused> noOwner = in(() -> cases.assign(caseId, " ", "officer.olga"));
        Optional<AmlCases.Refused> assigned = in(() -> cases.assign(caseId, "officer.olga", "officer.olga"));
        Optional<AmlCases.Refused> badDecision = in(() -> cases.decide(caseId, "ignore", "x", "officer.olga"));
        Optional<AmlCases.Refused> noReason = in(() -> cases.decide(caseId, "sar_filed", "", "officer.olga"));
        Optional<AmlCases.Refused> decided = in(() -> cases.decide(caseId, "sar_filed",
                "source of funds not explained after two requests", "officer.olga"));
        Optional<AmlCases.Refused> again = in(() -> cases.decide(caseId, "no_action", "changed my mind", "officer.olga"));
        AmlCases.SuspiciousActivityReport report = in(() -> cases.report(caseId, "officer.olga")).orElseThrow();
        AmlCases.CaseFile file = in(() -> cases.find(caseId)).orElseThrow();
        deposit(player, 3_000_000, Instant.now(), "card_9");

        assertThat(noOwner).map(AmlCases.Refused::code).contains("owner_required");
        assertThat(assigned).isEmpty();
        assertThat(badDecision).map(AmlCases.Refused::code).contains("invalid_decision");
        assertThat(noReason).map(AmlCases.Refused::code).contains("reason_required");
        assertThat(decided).isEmpty();
        assertThat(again).map(AmlCases.Refused::status).contains(409);
        assertThat(file.summary().status()).isEqualTo("closed");
        assertThat(file.summary().owner()).isEqualTo("officer.olga");
        assertThat(file.summary().decision()).isEqualTo("sar_filed");
        assertThat(file.history()).extracting(AmlCases.Event::action).containsExactly("opened", "alert", "assigned", "decided", "report_exported");
        assertThat(report.reportingTenant()).isEqualTo("aml1");
        assertThat(report.grounds()).extracting(AmlCases.Alert::rule).containsExactly("large_deposit");
        assertThat(report.activity()).extracting(AmlCases.Movement::amount).contains(2_000_000L);
        assertThat(report.narrative()).contains("source of funds");
        assertThat(report.decidedBy()).isEqualTo("officer.olga");
        AmlCases.CaseSummary next = openCase(player).orElseThrow();
        assertThat(next.id()).isNotEqualTo(caseId);
        assertThat(next.alerts()).isEqualTo(1);
    }
}
