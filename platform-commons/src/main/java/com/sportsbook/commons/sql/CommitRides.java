package com.sportsbook.commons.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes that go to PostgreSQL in the same round trip as their transaction's {@code COMMIT}: a write whose answer
 * nobody in the transaction waits for (an audit record, say) costs no round trip of its own. A transaction manager
 * that supports it registers one per transaction it begins ({@link #begin}) and sends the rides, then
 * {@code COMMIT}, in one {@link RoundTrip} when the transaction commits ({@link #take}); a ride that fails fails the
 * commit, and the transaction rolls back. Where no transaction, or no such manager, is there, {@link #ride} says so
 * and the caller writes at once. Kept as a transaction synchronization, so an inner transaction of its own
 * (REQUIRES_NEW) keeps its rides to itself.
 */
public final class CommitRides implements TransactionSynchronization {

    /** One write and its positional parameters. */
    public record Ride(String sql, List<?> params) {
    }

    private final List<Ride> rides = new ArrayList<>();

    private CommitRides() {
    }

    /** For a transaction manager: the transaction it has just begun (synchronization active) takes rides. */
    public static void begin() {
        TransactionSynchronizationManager.registerSynchronization(new CommitRides());
    }

    /** Sends the write with the current transaction's COMMIT; false (and nothing kept) when it cannot ride. */
    public static boolean ride(String sql, List<?> params) {
        Optional<CommitRides> current = current();
        current.ifPresent(rides -> rides.rides.add(new Ride(sql, java.util.Collections.unmodifiableList(new ArrayList<>(params)))));
        return current.isPresent();
    }

    /** For a transaction manager committing: the rides of the current transaction, handed over once. */
    public static List<Ride> take() {
        return current().map(found -> {
            List<Ride> taken = List.copyOf(found.rides);
            found.rides.clear();
            return taken;
        }).orElse(List.of());
    }

    private static Optional<CommitRides> current() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof CommitRides rides) {
                return Optional.of(rides);
            }
        }
        return Optional.empty();
    }
}
