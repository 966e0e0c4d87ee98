package com.sportsbook.commons.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

class RoundTripIT {

    private static SingleConnectionDataSource dataSource;
    private static JdbcClient jdbc;

    @BeforeAll
    static void database() {
        TestDatabase database = TestPostgres.freshDatabase();
        dataSource = new SingleConnectionDataSource(CountingSocketFactory.countingOn(database.jdbcUrl()), database.user(),
                database.password(), true);
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("CREATE TABLE account (id uuid PRIMARY KEY, owner text NOT NULL, balance bigint NOT NULL)").update();
    }

    @Test
    void everyPartIsAnsweredInOrderAndALaterPartSeesWhatAnEarlierOneWrote() {
        UUID id = UUID.randomUUID();
        RoundTrip trip = new RoundTrip(dataSource);
        RoundTrip.Answer<Integer> inserted = trip.update("INSERT INTO account (id, owner, balance) VALUES (?, ?, ?)",
                List.of(id, "ann", 100L));
        RoundTrip.Answer<Long> balance = trip.query("UPDATE account SET balance = balance + ? WHERE id = ? RETURNING balance",
                List.of(25L, id), rows -> rows.next() ? rows.getLong(1) : null);
        RoundTrip.Answer<List<String>> owners = trip.query("SELECT owner FROM account WHERE id = ? OR owner = ?",
                Arrays.asList(id, null), rows -> {
                    List<String> found = new ArrayList<>();
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                    return found;
                });

        trip.run();

        assertThat(inserted.get()).isEqualTo(1);
        assertThat(balance.get()).isEqualTo(125L);
        assertThat(owners.get()).containsExactly("ann");
    }

    @Test
    void allPartsGoToTheServerInOneRoundTripWhereEachAloneTakesOne() {
        jdbc.sql("SELECT 1").query(Integer.class).single(); // the connection is open
        int before = CountingSocketFactory.roundTrips();
        for (int i = 0; i < 3; i++) {
            jdbc.sql("SELECT count(*) FROM account WHERE balance > ?").param(i).query(Long.class).single();
        }
        int oneByOne = CountingSocketFactory.roundTrips() - before;

        List<Integer> together = roundTripsOfSevenTrips(trip -> {
            List<RoundTrip.Answer<Long>> counts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                counts.add(trip.query("SELECT count(*) FROM account WHERE balance > ?", List.of(i), rows -> {
                    rows.next();
                    return rows.getLong(1);
                }));
            }
            trip.update("UPDATE account SET balance = balance WHERE owner = ?", List.of("nobody"));
            return () -> assertThat(counts).allSatisfy(count -> assertThat(count.get()).isNotNegative());
        });

        assertThat(oneByOne).isEqualTo(3);
        assertThat(together).containsOnly(1);
    }

    @Test
    void oncePreparedAndDescribedAPartAnsweringTextIsAnsweredBeforeTheNextPartIsSent() {
        List<Integer> trips = roundTripsOfSevenTrips(trip -> {
            // a null is sent without a type: the driver has the server describe the prepared statement
            RoundTrip.Answer<String> text = trip.query("SELECT 'at ' || coalesce(?::timestamptz, 'epoch')",
                    Arrays.asList((Object) null), RoundTripIT::firstText);
            trip.query("SELECT count(*) FROM account WHERE owner = ?", List.of("a"), rows -> rows.next());
            return () -> assertThat(text.get()).startsWith("at 1970-01-01");
        });

        // the driver's guard against filling both sides' buffers: unbounded rows first make it wait for them
        assertThat(trips.getFirst()).isEqualTo(1);
        assertThat(trips.getLast()).isEqualTo(2);
    }

    @Test
    void aTimestampIsSentAsATimestamptzSoAPartAnsweringTextStillGoesWithTheNext() {
        List<Integer> trips = roundTripsOfSevenTrips(trip -> {
            RoundTrip.Answer<String> text = trip.query("SELECT 'at ' || (? AT TIME ZONE 'UTC')",
                    List.of(java.sql.Timestamp.from(java.time.Instant.parse("2026-11-27T10:15:30Z"))), RoundTripIT::firstText);
            trip.query("SELECT count(*) FROM account WHERE owner = ?", List.of("a"), rows -> rows.next());
            return () -> assertThat(text.get()).isEqualTo("at 2026-11-27 10:15:30");
        });

        assertThat(trips).containsOnly(1);
    }

    /**
     * Seven times (past the driver's threshold for preparing on the server): a trip gets its parts, runs, and has its
     * answers checked; the round trips each run took.
     */
    private static List<Integer> roundTripsOfSevenTrips(java.util.function.Function<RoundTrip, Runnable> parts) {
        List<Integer> trips = new ArrayList<>();
        for (int round = 0; round < 7; round++) {
            int before = CountingSocketFactory.roundTrips();
            RoundTrip trip = new RoundTrip(dataSource);
            Runnable checkAnswers = parts.apply(trip);
            trip.run();
            trips.add(CountingSocketFactory.roundTrips() - before);
            checkAnswers.run();
        }
        return trips;
    }

    private static String firstText(java.sql.ResultSet rows) throws java.sql.SQLException {
        rows.next();
        return rows.getString(1);
    }

    @Test
    void theFirstFailingPartIsThrownTranslatedAndTheTransactionWritesNothing() {
        UUID id = UUID.randomUUID();
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            RoundTrip trip = new RoundTrip(dataSource);
            trip.update("INSERT INTO account (id, owner, balance) VALUES (?, 'bob', 1)", List.of(id));
            trip.update("INSERT INTO account (id, owner, balance) VALUES (?, 'bob', 2)", List.of(id));
            trip.update("INSERT INTO account (id, owner, balance) VALUES (?, 'bob', 3)", List.of(UUID.randomUUID()));
            trip.run();
        })).isInstanceOf(DuplicateKeyException.class);

        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE owner = 'bob'").query(Long.class).single()).isZero();
    }

    @Test
    void anAnswerIsRefusedBeforeTheTripAndAPartAfterIt() {
        RoundTrip trip = new RoundTrip(dataSource);
        RoundTrip.Answer<Integer> answer = trip.update("DELETE FROM account WHERE owner = ?", List.of("nobody"));

        assertThatThrownBy(answer::get).isInstanceOf(IllegalStateException.class);
        trip.run();
        assertThat(answer.get()).isZero();
        assertThatThrownBy(() -> trip.update("SELECT 1", List.of())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new RoundTrip(dataSource).update("SELECT 1;", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
