package com.sportsbook.runtime.audit.log;

import com.sportsbook.commons.identity.RealmTokens;
import com.sportsbook.runtime.audit.AuditEntry;
import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.audit.CanonicalJson;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Appends a record to the bound tenant's {@code audit_record}: one INSERT in the caller's transaction (or a
 * transaction of its own when there is none). No chain state is read or locked here, so concurrent writers never wait
 * on each other; {@link AuditSealer} chains the record after it commits.
 */
public final class JdbcAuditTrail implements AuditTrail {

    static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final Clock clock;

    public JdbcAuditTrail(JdbcClient jdbc, TransactionOperations transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void record(AuditEntry entry) {
        String payload = CanonicalJson.write(entry.payload());
        // microseconds: what PostgreSQL keeps, so the time hashed later is the time written now
        Instant at = (entry.occurredAt() == null ? clock.instant() : entry.occurredAt()).truncatedTo(ChronoUnit.MICROS);
        String actor = entry.actor() == null || entry.actor().isBlank() ? currentActor() : entry.actor();
        transactions.executeWithoutResult(status -> jdbc.sql("""
                INSERT INTO audit_record (kind, subject_id, reference, actor, occurred_at, payload) VALUES (?, ?, ?, ?, ?, ?)""")
                .params(cut(entry.kind(), 60), cut(entry.subject(), 200), cut(entry.reference(), 200), cut(actor, 200),
                        Timestamp.from(at), payload)
                .update());
    }

    /** Who is calling: the signed-in account (its username, else its subject), or {@code system} for background work. */
    static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return RealmTokens.actor(token.getToken());
        }
        return SYSTEM;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
