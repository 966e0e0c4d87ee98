package com.sportsbook.runtime.audit;

import com.sportsbook.runtime.audit.log.JdbcAuditTrail;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Writes to the bound tenant's audit log. A record is written in the caller's transaction (or in one of its own when
 * there is none), so it commits or rolls back with what it records; it takes no lock, and it is chained (given its
 * sequence number and hashes) a moment later by the sealer (ADR 0016).
 */
public interface AuditTrail {

    void record(AuditEntry entry);

    /** The log on plain JDBC, for code that builds its collaborators itself (the runtime gets one as a bean). */
    static AuditTrail jdbc(JdbcClient jdbc, TransactionOperations transactions, Clock clock) {
        return new JdbcAuditTrail(jdbc, transactions, clock);
    }
}
