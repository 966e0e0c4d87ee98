package com.sportsbook.controlplane.credentials;

import com.sportsbook.controlplane.tenants.PlatformActor;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Moves every stored secret to the current master key without downtime. A rotation re-wraps each secret's data key
 * (the secret's own ciphertext stays as it is) in a transaction of its own, one secret at a time, in the background:
 * a reader meets a row either wholly under the old key or wholly under the new one, and both keys open. A row a PUT
 * replaced meanwhile is already under the new key and is skipped. A secret that cannot be re-wrapped (its old key is
 * gone, or it was moved from another tenant) is counted and left as it was; the others go on. The start, the end and
 * every failed secret are published as events for the platform audit, in the transaction that records them. A rotation
 * interrupted by a restart resumes at start; one runs at a time (the database enforces it).
 */
final class CredentialRotations implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CredentialRotations.class);
    private static final int BATCH = 100;

    static final String RUNNING = "running";
    static final String COMPLETED = "completed";
    static final String COMPLETED_WITH_FAILURES = "completed_with_failures";
    static final String ABANDONED = "abandoned";

    /** A rotation and its progress; {@code remaining} is counted live. */
    record Rotation(UUID id, String targetKeyId, String status, String requestedBy, Instant requestedAt,
            Instant finishedAt, int total, int rewrapped, int skipped, int failed, long remaining, String lastError) {
    }

    sealed interface Start {
        record Started(Rotation rotation) implements Start {
        }

        record AlreadyRunning(Rotation rotation) implements Start {
        }
    }

    private record Candidate(UUID id, String tenant, String purpose, String field, SecretEnvelope.Sealed sealed) {
    }

    private final JdbcClient jdbc;
    private final SecretEnvelope envelope;
    private final TransactionOperations transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("credential-rotation").daemon().factory());

    CredentialRotations(JdbcClient jdbc, SecretEnvelope envelope, TransactionOperations transactions,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.envelope = envelope;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Starts re-wrapping everything not under the current master key, in the background. */
    Start start(PlatformActor actor) {
        Optional<Rotation> running = running();
        if (running.isPresent()) {
            return new Start.AlreadyRunning(running.get());
        }
        UUID id = UUID.randomUUID();
        String target = envelope.currentKeyId();
        Instant now = clock.instant();
        try {
            transactions.executeWithoutResult(status -> {
                int total = jdbc.sql("SELECT count(*) FROM control_plane.tenant_credential WHERE key_id <> ?")
                        .param(target).query(Integer.class).single();
                jdbc.sql("""
                        INSERT INTO control_plane.credential_rotation (id, target_key_id, status, requested_by,
                            requested_by_subject, requested_at, total, rewrapped, skipped, failed)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0)""")
                        .params(id, target, RUNNING, actor.name(), actor.subject(), Timestamp.from(now), total).update();
                events.publishEvent(new CredentialsRotationStarted(id, target, total, actor));
            });
        } catch (DuplicateKeyException another) {
            return new Start.AlreadyRunning(running().orElseThrow(() -> another));
        }
        worker.execute(() -> run(id, target));
        return new Start.Started(find(id).orElseThrow());
    }

    Optional<Rotation> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::rotation).optional();
    }

    List<Rotation> latest(int limit) {
        return jdbc.sql(SELECT + " ORDER BY requested_at DESC LIMIT ?").param(limit).query(this::rotation).list();
    }

    /** How many stored secrets each master key wraps, and which key is current. */
    Map<String, Object> keys() {
        Map<String, Long> bySecret = new LinkedHashMap<>();
        jdbc.sql("SELECT key_id, count(*) AS secrets FROM control_plane.tenant_credential GROUP BY key_id ORDER BY key_id")
                .query((rs, row) -> bySecret.put(rs.getString("key_id"), rs.getLong("secrets"))).list();
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("currentKeyId", envelope.currentKeyId());
        keys.put("secretsByKey", bySecret);
        return keys;
    }

    /** A rotation a restart interrupted goes on if its target is still the current key; otherwise it is abandoned. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeInterrupted() {
        for (Rotation rotation : jdbc.sql(SELECT + " WHERE status = ?").param(RUNNING).query(this::rotation).list()) {
            if (rotation.targetKeyId().equals(envelope.currentKeyId())) {
                log.info("resuming credential rotation {} to key {}", rotation.id(), rotation.targetKeyId());
                worker.execute(() -> run(rotation.id(), rotation.targetKeyId()));
            } else {
                Instant now = clock.instant();
                log.warn("credential rotation {} to key {} abandoned: the current key is now {}", rotation.id(),
                        rotation.targetKeyId(), envelope.currentKeyId());
                transactions.executeWithoutResult(status -> {
                    jdbc.sql("UPDATE control_plane.credential_rotation SET status = ?, finished_at = ? WHERE id = ?")
                            .params(ABANDONED, Timestamp.from(now), rotation.id()).update();
                    events.publishEvent(new CredentialsRotationFinished(rotation.id(), rotation.targetKeyId(), ABANDONED,
                            rotation.rewrapped(), rotation.skipped(), rotation.failed(), requester(rotation.id())));
                });
            }
        }
    }

    private PlatformActor requester(UUID rotation) {
        return jdbc.sql("SELECT requested_by, requested_by_subject FROM control_plane.credential_rotation WHERE id = ?")
                .param(rotation)
                .query((rs, row) -> new PlatformActor(rs.getString("requested_by_subject"), rs.getString("requested_by"), null))
                .single();
    }

    private Optional<Rotation> running() {
        return jdbc.sql(SELECT + " WHERE status = ?").param(RUNNING).query(this::rotation).optional();
    }

    private void run(UUID id, String target) {
        try {
            UUID after = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
            List<Candidate> batch;
            do {
                batch = candidates(target, after);
                for (Candidate candidate : batch) {
                    rotate(id, target, candidate);
                    after = candidate.id();
                }
            } while (batch.size() == BATCH && !worker.isShutdown());
            if (worker.isShutdown()) {
                return;
            }
            Instant now = clock.instant();
            transactions.executeWithoutResult(status -> {
                Rotation rotation = find(id).orElseThrow();
                String outcome = rotation.failed() == 0 ? COMPLETED : COMPLETED_WITH_FAILURES;
                jdbc.sql("UPDATE control_plane.credential_rotation SET status = ?, finished_at = ? WHERE id = ?")
                        .params(outcome, Timestamp.from(now), id).update();
                events.publishEvent(new CredentialsRotationFinished(id, target, outcome, rotation.rewrapped(),
                        rotation.skipped(), rotation.failed(), requester(id)));
            });
            log.info("credential rotation {} to key {} finished", id, target);
        } catch (RuntimeException e) {
            // stays 'running': the next start resumes it; a second rotation is refused until then
            log.error("credential rotation {} stopped: {}", id, e.getMessage());
        }
    }

    /**
     * UUID order in PostgreSQL compares the bytes unsigned; keyset paging uses the database's order, so the last id
     * of a batch is the lower bound of the next.
     */
    private List<Candidate> candidates(String target, UUID after) {
        boolean first = after.getMostSignificantBits() == Long.MIN_VALUE && after.getLeastSignificantBits() == Long.MIN_VALUE;
        return jdbc.sql("""
                SELECT c.id, t.slug, c.purpose, c.field, c.key_id, c.wrapped_key, c.ciphertext
                FROM control_plane.tenant_credential c JOIN control_plane.tenant t ON t.id = c.tenant_id
                WHERE c.key_id <> ? AND (? OR c.id > ?) ORDER BY c.id LIMIT ?""")
                .params(target, first, after, BATCH)
                .query((rs, row) -> new Candidate(rs.getObject("id", UUID.class), rs.getString("slug"),
                        rs.getString("purpose"), rs.getString("field"), new SecretEnvelope.Sealed(rs.getString("key_id"),
                                rs.getBytes("wrapped_key"), rs.getBytes("ciphertext"))))
                .list();
    }

    /** One secret: re-wrapped outside any transaction (KMS calls), then swapped in its own, if it is still the same. */
    private void rotate(UUID rotationId, String target, Candidate candidate) {
        EncryptionContext context = SecretEnvelope.context(candidate.tenant(), candidate.purpose(), candidate.field());
        SecretEnvelope.Sealed rewrapped;
        try {
            rewrapped = envelope.rewrap(candidate.sealed(), context);
        } catch (RuntimeException e) {
            String reason = e.getMessage();
            transactions.executeWithoutResult(status -> {
                jdbc.sql("""
                        UPDATE control_plane.credential_rotation SET failed = failed + 1, last_error = ? WHERE id = ?""")
                        .params(context + ": " + reason, rotationId).update();
                events.publishEvent(new CredentialsRotationSecretFailed(rotationId, candidate.tenant(), candidate.purpose(),
                        candidate.field(), candidate.sealed().keyId(), reason));
            });
            log.warn("credential rotation {}: {} stays under key {}: {}", rotationId, context, candidate.sealed().keyId(), reason);
            return;
        }
        transactions.executeWithoutResult(status -> {
            int updated = jdbc.sql("""
                    UPDATE control_plane.tenant_credential SET key_id = ?, wrapped_key = ?
                    WHERE id = ? AND key_id = ? AND wrapped_key = ?""")
                    .params(target, rewrapped.wrappedKey(), candidate.id(), candidate.sealed().keyId(),
                            candidate.sealed().wrappedKey())
                    .update();
            jdbc.sql("UPDATE control_plane.credential_rotation SET " + (updated == 1 ? "rewrapped = rewrapped + 1"
                    : "skipped = skipped + 1") + " WHERE id = ?").param(rotationId).update();
        });
    }

    private static final String SELECT = """
            SELECT r.id, r.target_key_id, r.status, r.requested_by, r.requested_at, r.finished_at, r.total, r.rewrapped,
                r.skipped, r.failed, r.last_error,
                (SELECT count(*) FROM control_plane.tenant_credential c WHERE c.key_id <> r.target_key_id) AS remaining
            FROM control_plane.credential_rotation r""";

    private Rotation rotation(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Rotation(rs.getObject("id", UUID.class), rs.getString("target_key_id"), rs.getString("status"),
                rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getInt("total"), rs.getInt("rewrapped"),
                rs.getInt("skipped"), rs.getInt("failed"), rs.getLong("remaining"), rs.getString("last_error"));
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
