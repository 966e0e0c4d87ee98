package com.sportsbook.runtime.tenancy;

import com.sportsbook.commons.sql.CommitRides;
import com.sportsbook.commons.sql.RoundTrip;
import java.util.List;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The runtime's transaction manager: Boot's JPA one, whose transactions take {@link CommitRides} (writes sent with
 * the {@code COMMIT}, one round trip for both). Committing, it flushes the persistence context first, so JPA's
 * writes go before the rides, then sends the rides and {@code COMMIT} together; the driver, seeing the transaction
 * ended, sends nothing more when Hibernate commits the connection after. A failed ride or commit is thrown, and
 * the transaction is rolled back as for any failed commit.
 */
final class CommitRidingTransactionManager extends JpaTransactionManager {

    @Override
    protected void prepareSynchronization(DefaultTransactionStatus status, TransactionDefinition definition) {
        super.prepareSynchronization(status, definition);
        if (status.isNewTransaction() && status.isNewSynchronization() && !status.isReadOnly()) {
            CommitRides.begin();
        }
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        List<CommitRides.Ride> rides = CommitRides.take();
        if (!rides.isEmpty()) {
            if (TransactionSynchronizationManager.getResource(obtainEntityManagerFactory()) instanceof EntityManagerHolder held) {
                held.getEntityManager().flush();
            }
            RoundTrip trip = new RoundTrip(getDataSource());
            rides.forEach(ride -> trip.update(ride.sql(), ride.params()));
            trip.update("COMMIT", List.of());
            trip.run();
        }
        super.doCommit(status);
    }
}
