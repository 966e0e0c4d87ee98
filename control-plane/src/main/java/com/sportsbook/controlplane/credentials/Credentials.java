package com.sportsbook.controlplane.credentials;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The vault's API: store a tenant's credentials for a purpose (each field sealed in its own envelope), show them
 * masked, and reveal them to the runtime. Plain text exists only in memory while a request is served.
 */
public final class Credentials {

    /** What anyone but the runtime sees of a stored secret. */
    public record Masked(String lastFour, Instant updatedAt, String updatedBy) {
    }

    private final JdbcClient jdbc;
    private final SecretEnvelope envelope;
    private final TransactionOperations transactions;
    private final Clock clock;

    Credentials(JdbcClient jdbc, SecretEnvelope envelope, TransactionOperations transactions, Clock clock) {
        this.jdbc = jdbc;
        this.envelope = envelope;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Replaces the purpose's fields; fields not sent are removed (a connected account can be dropped). */
    void store(UUID tenantId, String tenant, CredentialPurpose purpose, Map<String, String> fields, String actor) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM control_plane.tenant_credential WHERE tenant_id = ? AND purpose = ?")
                    .params(tenantId, purpose.wireName()).update();
            fields.forEach((field, value) -> {
                if (value == null || value.isBlank()) {
                    return;
                }
                String context = SecretEnvelope.context(tenant, purpose.wireName(), field);
                SecretEnvelope.Sealed sealed = envelope.seal(value, context);
                jdbc.sql("""
                        INSERT INTO control_plane.tenant_credential (id, tenant_id, purpose, field, key_id, wrapped_key,
                            ciphertext, last_four, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(UUID.randomUUID(), tenantId, purpose.wireName(), field, sealed.keyId(), sealed.wrappedKey(),
                                sealed.ciphertext(), SecretEnvelope.lastFour(value), Timestamp.from(now), actor)
                        .update();
            });
        });
    }

    Map<String, Masked> masked(UUID tenantId, CredentialPurpose purpose) {
        Map<String, Masked> masked = new TreeMap<>();
        transactions.execute(status -> jdbc.sql("""
                SELECT field, last_four, updated_at, updated_by FROM control_plane.tenant_credential
                WHERE tenant_id = ? AND purpose = ?""")
                .params(tenantId, purpose.wireName())
                .query((rs, row) -> masked.put(rs.getString("field"), new Masked(rs.getString("last_four"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"))))
                .list());
        return masked;
    }

    /** The secrets in clear, for the runtime's internal call only. */
    Map<String, String> reveal(UUID tenantId, String tenant, CredentialPurpose purpose) {
        List<Object[]> rows = transactions.execute(status -> jdbc.sql("""
                SELECT field, key_id, wrapped_key, ciphertext FROM control_plane.tenant_credential
                WHERE tenant_id = ? AND purpose = ?""")
                .params(tenantId, purpose.wireName())
                .query((rs, row) -> new Object[] {rs.getString("field"), rs.getString("key_id"), rs.getBytes("wrapped_key"),
                        rs.getBytes("ciphertext")})
                .list());
        Map<String, String> revealed = new LinkedHashMap<>();
        for (Object[] row : rows) {
            String field = (String) row[0];
            revealed.put(field, envelope.open(new SecretEnvelope.Sealed((String) row[1], (byte[]) row[2], (byte[]) row[3]),
                    SecretEnvelope.context(tenant, purpose.wireName(), field)));
        }
        return revealed;
    }
}
