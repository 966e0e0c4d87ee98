package com.sportsbook.runtime.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sportsbook.commons.TenantSlug;
import com.sportsbook.commons.sql.CommitRides;
import com.sportsbook.commons.sql.CountingSocketFactory;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.RuntimeTestSettings;
import com.sportsbook.runtime.TestTenants;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Constructor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The runtime's transactions send the writes that ride with their commit in the COMMIT's own round trip: written when
 * the transaction commits, never when it rolls back, a failing ride fails the commit and takes the transaction's
 * other writes with it, JPA's pending changes are written before the rides, and a transaction of its own inside
 * another keeps its rides to itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommitRidesIT {

    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final BoundTenant TENANT = new BoundTenant(new TenantSlug("rides1"), "main");
    private static final String PROBE = "INSERT INTO rides_probe (v) VALUES (?)";

    @org.springframework.test.context.DynamicPropertySource
    static void settings(org.springframework.test.context.DynamicPropertyRegistry registry) {
        RuntimeTestSettings.standaloneCountingRoundTrips(registry, DATABASE, 4);
    }

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    TenantSchemaMigrator migrator;

    @Autowired
    List<TenantSeeder> seeders;

    @Autowired
    DataSource dataSource;

    @Autowired
    EntityManager entityManager;

    @BeforeAll
    void aTenant() {
        TestTenants.provision(TENANT, migrator, seeders, transactions);
        TestTenants.inTransaction(TENANT, transactions, () -> jdbc().sql("CREATE TABLE rides_probe (v text PRIMARY KEY)").update());
    }

    @Test
    void aRideIsWrittenWhenItsTransactionCommitsInTheCommitsRoundTrip() {
        int[] commitTrips = new int[1];
        TenantContext.runAs(TENANT, () -> {
            TransactionTemplate template = new TransactionTemplate(transactions);
            template.executeWithoutResult(status -> {
                jdbc().sql(PROBE).param("at-once").update();
                assertThat(CommitRides.ride(PROBE, List.of("rode"))).isTrue();
                assertThat(jdbc().sql("SELECT count(*) FROM rides_probe WHERE v = 'rode'").query(Long.class).single()).isZero();
                commitTrips[0] = -CountingSocketFactory.roundTrips();
            });
            commitTrips[0] += CountingSocketFactory.roundTrips();
        });

        assertThat(probes()).contains("at-once", "rode");
        assertThat(commitTrips[0]).isEqualTo(1);
    }

    @Test
    void aRolledBackTransactionWritesNoRide() {
        TestTenants.inTransaction(TENANT, transactions, () -> {
            CommitRides.ride(PROBE, List.of("rolled-back"));
            return null;
        });
        TenantContext.runAs(TENANT, () -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            CommitRides.ride(PROBE, List.of("never"));
            status.setRollbackOnly();
        }));

        assertThat(probes()).contains("rolled-back").doesNotContain("never");
    }

    @Test
    void aFailingRideFailsTheCommitAndTheTransactionsOtherWritesRollBack() {
        TestTenants.inTransaction(TENANT, transactions, () -> jdbc().sql(PROBE).param("taken").update());

        assertThatThrownBy(() -> TestTenants.inTransaction(TENANT, transactions, () -> {
            jdbc().sql(PROBE).param("with-the-failed-ride").update();
            return CommitRides.ride(PROBE, List.of("taken"));
        })).isInstanceOf(DuplicateKeyException.class);

        assertThat(probes()).doesNotContain("with-the-failed-ride");
        assertThat(TestTenants.inTransaction(TENANT, transactions, () -> jdbc().sql(PROBE).param("after").update())).isEqualTo(1);
    }

    @Test
    void jpasPendingChangesAreWrittenBeforeTheRides() throws Exception {
        Constructor<?> notice = Class.forName("com.sportsbook.runtime.notices.Notice")
                .getDeclaredConstructor(String.class, String.class, String.class, Instant.class);
        notice.setAccessible(true);
        String title = "ride-" + UUID.randomUUID();
        TestTenants.inTransaction(TENANT, transactions, () -> {
            try {
                entityManager.persist(notice.newInstance("main", title, "body", Instant.now()));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            // the ride reads what JPA has not written yet when it is added
            return CommitRides.ride("INSERT INTO rides_probe (v) SELECT title FROM notice WHERE title = ?", List.of(title));
        });

        assertThat(probes()).contains(title);
    }

    @Test
    void aTransactionOfItsOwnInsideAnotherKeepsItsRidesToItself() {
        TenantContext.runAs(TENANT, () -> new TransactionTemplate(transactions).executeWithoutResult(outer -> {
            CommitRides.ride(PROBE, List.of("outer"));
            TransactionTemplate own = new TransactionTemplate(transactions);
            own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            own.executeWithoutResult(inner -> CommitRides.ride(PROBE, List.of("inner")));
            outer.setRollbackOnly();
        }));

        assertThat(probes()).contains("inner").doesNotContain("outer");
    }

    @Test
    void withoutATransactionNothingRides() {
        assertThat(TenantContext.callAs(TENANT, () -> CommitRides.ride(PROBE, List.of("alone")))).isFalse();
        assertThat(probes()).doesNotContain("alone");
    }

    private List<String> probes() {
        return TestTenants.inTransaction(TENANT, transactions,
                () -> jdbc().sql("SELECT v FROM rides_probe ORDER BY v").query(String.class).list());
    }

    private JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }
}
