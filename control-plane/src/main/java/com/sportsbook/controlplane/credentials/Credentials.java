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

    private record Row(String field, SecretEnvelope.Sealed sealed) {
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

    /**
     * Replaces the purpose's fields; fields not sent are removed (a connected account can be dropped). Every value is
     * sealed before the stored ones are touched, and the swap is one transaction: until the new values are stored the
     * previous ones stay in place and readable, and a failure to seal (KMS unreachable) leaves them as they were.
     */
    void store(UUID tenantId, String tenant, CredentialPurpose purpose, Map<String, String> fields, String actor) {
        Map<String, SecretEnvelope.Sealed> sealed = new TreeMap<>();
        Map<String, String> lastFour = new TreeMap<>();
        fields.forEach((field, value) -> {
            if (value != null && !value.isBlank()) {
                sealed.put(field, envelope.seal(value, SecretEnvelope.context(tenant, purpose.wireName(), field)));
                lastFour.put(field, SecretEnvelope.lastFour(value));
            }
        });
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM control_plane.tenant_credential WHERE tenant_id = ? AND purpose = ?")
                    .params(tenantId, purpose.wireName()).update();
            sealed.forEach((field, secret) -> jdbc.sql("""
                    INSERT INTO control_plane.tenant_credential (id, tenant_id, purpose, field, key_id, wrapped_key,
                        ciphertext, last_four, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), tenantId, purpose.wireName(), field, secret.keyId(), secret.wrappedKey(),
                            secret.ciphertext(), lastFour.get(field), Timestamp.from(now), actor)
                    .update());
        });
    }

    Map<String, Masked> masked(UUID tenantId, CredentialPurpose purpose) {
        Map<String, Masked> masked = new TreeMap<>();
        jdbc.sql("""
                SELECT field, last_four, updated_at, updated_by FROM control_plane.tenant_credential
                WHERE tenant_id = ? AND purpose = ?""")
                .params(tenantId, purpose.wireName())
                .query((rs, row) -> masked.put(rs.getString("field"), new Masked(rs.getString("last_four"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"))))
                .list();
        return masked;
    }

    /**
     * The secrets in clear, for the runtime's internal call only. One statement reads them, so a rotation or a PUT
     * running at the same moment is seen wholly before or wholly after, never half.
     *
     * @throws SecretUnreadable when a stored row does not open under this tenant's context (it was moved or copied
     *     from another tenant, or tampered with), or its master key is not configured
     */
    Map<String, String> reveal(UUID tenantId, String tenant, CredentialPurpose purpose) {
        List<Row> rows = jdbc.sql("""
                SELECT field, key_id, wrapped_key, ciphertext FROM control_plane.tenant_credential
                WHERE tenant_id = ? AND purpose = ? ORDER BY field""")
                .params(tenantId, purpose.wireName())
                .query((rs, row) -> new Row(rs.getString("field"), new SecretEnvelope.Sealed(rs.getString("key_id"),
                        rs.getBytes("wrapped_key"), rs.getBytes("ciphertext"))))
                .list();
        Map<String, String> revealed = new LinkedHashMap<>();
        for (Row row : rows) {
            revealed.put(row.field(), envelope.open(row.sealed(), SecretEnvelope.context(tenant, purpose.wireName(), row.field())));
        }
        return revealed;
    }
}
