package com.sportsbook.runtime.compliance.kyc;

import com.sportsbook.runtime.audit.AuditEntry;
import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.compliance.kyc.core.Actor;
import com.sportsbook.runtime.compliance.kyc.core.DocumentCategory;
import com.sportsbook.runtime.compliance.kyc.core.KycCase;
import com.sportsbook.runtime.compliance.kyc.core.KycCommand;
import com.sportsbook.runtime.compliance.kyc.core.KycState;
import com.sportsbook.runtime.compliance.kyc.core.KycStateMachine;
import com.sportsbook.runtime.compliance.kyc.core.KycTransition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * KYC cases of the bound tenant on PostgreSQL: one per player, moved only through {@link KycStateMachine} under a
 * row lock, each move written to the case's history in the same transaction. Also the published {@link KycStatus}.
 * Methods run in the caller's transaction ({@link #of} opens a read-only one when there is none).
 */
public final class KycCases implements KycStatus {

    /** A case as stored. */
    public record CaseRow(UUID id, UUID playerId, String brand, KycCase kyc, String provider, String providerReference,
            String providerVerdict, Instant openedAt, Instant updatedAt) {
        public KycState state() {
            return kyc.state();
        }
    }

    public record HistoryLine(Instant at, String actorKind, String actor, String action, String from, String to,
            String reason) {
    }

    public sealed interface Applied {
        record Moved(CaseRow after, KycTransition transition) implements Applied {
        }

        /** @param status the HTTP status that fits the refusal */
        record Refused(int status, String code, String detail) implements Applied {
        }
    }

    private final JdbcClient jdbc;
    private final TransactionOperations readOnly;
    private final AuditTrail audit;
    private final Clock clock;

    KycCases(JdbcClient jdbc, TransactionOperations readOnly, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.readOnly = readOnly;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Standing of(UUID playerId) {
        return readOnly.execute(status -> {
            Optional<CaseRow> found = byPlayer(playerId);
            Instant now = clock.instant();
            return found.map(row -> new Standing(playerId, row.state(), row.kyc().verifiedAt(now), row.kyc().expiresAt()))
                    .orElseGet(() -> new Standing(playerId, KycState.NOT_STARTED, false, null));
        });
    }

    public Optional<CaseRow> byPlayer(UUID playerId) {
        return jdbc.sql(SELECT + " WHERE player_id = ?").param(playerId).query((rs, n) -> row(rs)).optional();
    }

    public Optional<CaseRow> byId(UUID caseId) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(caseId).query((rs, n) -> row(rs)).optional();
    }

    Optional<CaseRow> lock(UUID caseId) {
        return jdbc.sql(SELECT + " WHERE id = ? FOR UPDATE").param(caseId).query((rs, n) -> row(rs)).optional();
    }

    Optional<CaseRow> lockByReference(String provider, String reference) {
        return jdbc.sql(SELECT + " WHERE provider = ? AND provider_reference = ? FOR UPDATE").params(provider, reference)
                .query((rs, n) -> row(rs)).optional();
    }

    /** The player's case, locked; opened (not started) first if the player has none. */
    CaseRow openAndLock(UUID playerId, String brand) {
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO kyc_case (id, player_id, brand, state, opened_at, updated_at) VALUES (?, ?, ?, 'not_started', ?, ?)
                ON CONFLICT (player_id) DO NOTHING""")
                .params(UUID.randomUUID(), playerId, brand, Timestamp.from(now), Timestamp.from(now)).update();
        return jdbc.sql(SELECT + " WHERE player_id = ? FOR UPDATE").param(playerId).query((rs, n) -> row(rs)).single();
    }

    /** Applies a command to a case under its row lock; a refusal changes nothing. */
    public Applied apply(UUID caseId, KycCommand command, Actor actor) {
        Optional<CaseRow> locked = lock(caseId);
        if (locked.isEmpty()) {
            return new Applied.Refused(404, "unknown_case", "There is no KYC case " + caseId + ".");
        }
        return apply(locked.get(), command, actor);
    }

    /** Applies a command to a case the caller has locked. */
    Applied apply(CaseRow locked, KycCommand command, Actor actor) {
        Instant now = clock.instant();
        return switch (KycStateMachine.decide(locked.kyc(), command, actor, now)) {
            case KycStateMachine.Outcome.Refused refused -> new Applied.Refused(status(refused.code()), refused.code(), refused.detail());
            case KycStateMachine.Outcome.Moved moved -> {
                KycCase after = moved.after();
                // a new request starts a new round: the provider's verdict on the last one no longer describes the case
                // (its reference stays, so a late webhook of that round finds the case and is refused as a value)
                boolean resubmission = command instanceof KycCommand.RequestDocuments;
                jdbc.sql("""
                        UPDATE kyc_case SET state = ?, required = ?, requested_at = ?, expires_at = ?, updated_at = ?,
                          provider_verdict = CASE WHEN ? THEN NULL ELSE provider_verdict END
                        WHERE id = ?""")
                        .params(after.state().wire(), required(after.required()), timestamp(after.requestedAt()),
                                timestamp(after.expiresAt()), Timestamp.from(now), resubmission, locked.id())
                        .update();
                record(locked.id(), moved.transition());
                yield new Applied.Moved(byId(locked.id()).orElseThrow(), moved.transition());
            }
        };
    }

    /** A history line that is not a move (a document uploaded or viewed, a hand-over to the provider). */
    void note(UUID caseId, Actor actor, String action, String reason) {
        KycState state = byId(caseId).orElseThrow().state();
        record(caseId, new KycTransition(state, state, action, actor, clock.instant(), reason));
    }

    void submittedTo(UUID caseId, String provider, String reference) {
        jdbc.sql("UPDATE kyc_case SET provider = ?, provider_reference = ?, provider_verdict = NULL, updated_at = ? WHERE id = ?")
                .params(provider, reference, Timestamp.from(clock.instant()), caseId).update();
    }

    void providerVerdict(UUID caseId, String verdict) {
        jdbc.sql("UPDATE kyc_case SET provider_verdict = ?, updated_at = ? WHERE id = ?")
                .params(verdict, Timestamp.from(clock.instant()), caseId).update();
    }

    public List<CaseRow> queue(KycState state, int limit) {
        return jdbc.sql(SELECT + " WHERE state = ? ORDER BY updated_at LIMIT ?").params(state.wire(), limit)
                .query((rs, n) -> row(rs)).list();
    }

    public List<HistoryLine> history(UUID caseId) {
        return jdbc.sql("SELECT at, actor_kind, actor, action, from_state, to_state, reason FROM kyc_case_event WHERE case_id = ? ORDER BY id")
                .param(caseId).query((rs, n) -> new HistoryLine(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))).list();
    }

    /** Verified cases whose expiry has passed, locked for the caller (skipping those another replica holds). */
    List<CaseRow> lockDueForExpiry(Instant now, int limit) {
        return jdbc.sql(SELECT + " WHERE state = 'verified' AND expires_at <= ? ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(Timestamp.from(now), limit).query((rs, n) -> row(rs)).list();
    }

    /** A history line, and the same fact in the tenant's audit log (KYC decisions and staff reads are audited). */
    private void record(UUID caseId, KycTransition line) {
        audit.record(AuditEntry.of("kyc." + line.action(), caseId)
                .by(line.actor().kind() == Actor.Kind.OFFICER ? line.actor().name()
                        : line.actor().kind().wire() + ":" + line.actor().name())
                .at(line.at())
                .with(Map.of("from", line.from().wire(), "to", line.to().wire(), "reason", line.reason())));
        jdbc.sql("""
                INSERT INTO kyc_case_event (case_id, at, actor_kind, actor, action, from_state, to_state, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, Timestamp.from(line.at()), line.actor().kind().wire(), line.actor().name(), line.action(),
                        line.from().wire(), line.to().wire(), line.reason()).update();
    }

    private static int status(String code) {
        return switch (code) {
            case "illegal_transition", "not_yet_expired" -> 409;
            case "actor_not_allowed" -> 403;
            default -> 422;
        };
    }

    static String required(Set<DocumentCategory> categories) {
        return categories.stream().map(DocumentCategory::wire).sorted().collect(Collectors.joining(","));
    }

    static Set<DocumentCategory> required(String stored) {
        Set<DocumentCategory> categories = EnumSet.noneOf(DocumentCategory.class);
        if (stored != null && !stored.isBlank()) {
            Arrays.stream(stored.split(",")).map(DocumentCategory::fromWire).flatMap(Optional::stream).forEach(categories::add);
        }
        return categories;
    }

    private static final String SELECT = """
            SELECT id, player_id, brand, state, required, requested_at, expires_at, provider, provider_reference,
              provider_verdict, opened_at, updated_at FROM kyc_case""";

    private static CaseRow row(ResultSet rs) throws SQLException {
        KycCase kyc = new KycCase(KycState.fromWire(rs.getString("state")).orElseThrow(), required(rs.getString("required")),
                instant(rs.getTimestamp("requested_at")), instant(rs.getTimestamp("expires_at")));
        return new CaseRow(rs.getObject("id", UUID.class), rs.getObject("player_id", UUID.class), rs.getString("brand"), kyc,
                rs.getString("provider"), rs.getString("provider_reference"), rs.getString("provider_verdict"),
                rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
