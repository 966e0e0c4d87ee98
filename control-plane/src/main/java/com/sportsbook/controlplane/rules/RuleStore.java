package com.sportsbook.controlplane.rules;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rules module's tables: adoptions, change requests, rule versions and the audit trail. Plain SQL. */
@Repository
class RuleStore {

    record Adoption(String jurisdiction, String packVersion, Instant adoptedAt) {
    }

    /** The tenant's current override of one rule: the value of its latest rule version. */
    record Override(String jurisdiction, String rule, String valueJson, int version, UUID changeRequest,
            String requestedBy, String approvedBy, Instant approvedAt) {
    }

    record ChangeRequest(UUID id, String tenant, String jurisdiction, String rule, String proposedValueJson,
            String reason, String status, String requestedBy, String requestedById, Instant requestedAt,
            String decidedBy, String decidedById, Instant decidedAt, String decisionReason, Integer ruleVersion) {
    }

    record AuditEntry(long id, Instant at, String actor, String actorId, String action, UUID changeRequest,
            String jurisdiction, String rule, String detail) {
    }

    private final JdbcClient jdbc;

    RuleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises the rule changes of one tenant, so version numbers are dense and never collide. */
    void lockTenant(String tenant) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('jurisdiction-rules:' || ?))").param(tenant).query().singleRow();
    }

    /** The pack version each jurisdiction of the tenant was adopted at last. */
    Map<String, Adoption> adoptions(String tenant) {
        Map<String, Adoption> latest = new HashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (jurisdiction) jurisdiction, pack_version, adopted_at
                        FROM control_plane.jurisdiction_adoption WHERE tenant_slug = ?
                        ORDER BY jurisdiction, adopted_at DESC""")
                .param(tenant)
                .query((rs, row) -> new Adoption(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list()
                .forEach(adoption -> latest.put(adoption.jurisdiction(), adoption));
        return latest;
    }

    /** Records an adoption; false if that version was adopted already. */
    boolean adopt(String tenant, String jurisdiction, String packVersion, Instant at) {
        return jdbc.sql("""
                        INSERT INTO control_plane.jurisdiction_adoption (tenant_slug, jurisdiction, pack_version, adopted_at)
                        VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(tenant, jurisdiction, packVersion, Timestamp.from(at))
                .update() == 1;
    }

    int ruleVersion(String tenant) {
        return jdbc.sql("SELECT coalesce(max(version), 0) FROM control_plane.tenant_rule_version WHERE tenant_slug = ?")
                .param(tenant).query(Integer.class).single();
    }

    /** The current override of every rule the tenant ever changed, keyed by jurisdiction and rule. */
    List<Override> overrides(String tenant) {
        return jdbc.sql("""
                        SELECT DISTINCT ON (v.jurisdiction, v.rule) v.jurisdiction, v.rule, v.value, v.version,
                               v.change_request_id, r.requested_by, r.decided_by, r.decided_at
                        FROM control_plane.tenant_rule_version v
                        JOIN control_plane.rule_change_request r ON r.id = v.change_request_id
                        WHERE v.tenant_slug = ?
                        ORDER BY v.jurisdiction, v.rule, v.version DESC""")
                .param(tenant)
                .query((rs, row) -> new Override(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** The current minimum-age overrides of every tenant: tenant, then jurisdiction, then the value as JSON. */
    Map<String, Map<String, String>> minimumAgeOverrides() {
        Map<String, Map<String, String>> byTenant = new HashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (tenant_slug, jurisdiction) tenant_slug, jurisdiction, value
                        FROM control_plane.tenant_rule_version WHERE rule = 'minimumAge'
                        ORDER BY tenant_slug, jurisdiction, version DESC""")
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list()
                .forEach(row -> byTenant.computeIfAbsent(row[0], tenant -> new HashMap<>()).put(row[1], row[2]));
        return byTenant;
    }

    void insertRequest(ChangeRequest request) {
        jdbc.sql("""
                        INSERT INTO control_plane.rule_change_request (id, tenant_slug, jurisdiction, rule, proposed_value,
                            reason, status, requested_by, requested_by_id, requested_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'requested', ?, ?, ?)""")
                .params(request.id(), request.tenant(), request.jurisdiction(), request.rule(), request.proposedValueJson(),
                        request.reason(), request.requestedBy(), request.requestedById(), Timestamp.from(request.requestedAt()))
                .update();
    }

    /** The request, locked for a decision. */
    Optional<ChangeRequest> requestForUpdate(String tenant, UUID id) {
        return jdbc.sql(SELECT_REQUEST + " WHERE tenant_slug = ? AND id = ? FOR UPDATE")
                .params(tenant, id).query(RuleStore::request).optional();
    }

    Optional<ChangeRequest> request(String tenant, UUID id) {
        return jdbc.sql(SELECT_REQUEST + " WHERE tenant_slug = ? AND id = ?").params(tenant, id).query(RuleStore::request).optional();
    }

    List<ChangeRequest> requests(String tenant, Optional<String> status) {
        return jdbc.sql(SELECT_REQUEST + " WHERE tenant_slug = ? AND (CAST(? AS varchar) IS NULL OR status = ?) ORDER BY requested_at DESC, id LIMIT 500")
                .params(tenant, status.orElse(null), status.orElse(null)).query(RuleStore::request).list();
    }

    void decide(UUID id, String status, Actor actor, Instant at, String reason, Integer ruleVersion) {
        jdbc.sql("""
                        UPDATE control_plane.rule_change_request
                        SET status = ?, decided_by = ?, decided_by_id = ?, decided_at = ?, decision_reason = ?, rule_version = ?
                        WHERE id = ? AND status = 'requested'""")
                .params(status, actor.name(), actor.id(), Timestamp.from(at), reason, ruleVersion, id)
                .update();
    }

    void insertVersion(String tenant, int version, String jurisdiction, String rule, String valueJson, UUID request, Instant at) {
        jdbc.sql("""
                        INSERT INTO control_plane.tenant_rule_version (tenant_slug, version, jurisdiction, rule, value,
                            change_request_id, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant, version, jurisdiction, rule, valueJson, request, Timestamp.from(at))
                .update();
    }

    void audit(String tenant, Instant at, Actor actor, String action, UUID request, String jurisdiction, String rule,
            String detail) {
        jdbc.sql("""
                        INSERT INTO control_plane.rule_audit (tenant_slug, at, actor, actor_id, action, change_request_id,
                            jurisdiction, rule, detail)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant, Timestamp.from(at), actor.name(), actor.id(), action, request, jurisdiction, rule, detail)
                .update();
    }

    List<AuditEntry> auditTrail(String tenant) {
        return jdbc.sql("""
                        SELECT id, at, actor, actor_id, action, change_request_id, jurisdiction, rule, detail
                        FROM control_plane.rule_audit WHERE tenant_slug = ? ORDER BY id""")
                .param(tenant)
                .query((rs, row) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8),
                        rs.getString(9)))
                .list();
    }

    private static final String SELECT_REQUEST = """
            SELECT id, tenant_slug, jurisdiction, rule, proposed_value, reason, status, requested_by, requested_by_id,
                   requested_at, decided_by, decided_by_id, decided_at, decision_reason, rule_version
            FROM control_plane.rule_change_request""";

    private static ChangeRequest request(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp decidedAt = rs.getTimestamp(13);
        return new ChangeRequest(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getTimestamp(10).toInstant(), rs.getString(11), rs.getString(12),
                decidedAt == null ? null : decidedAt.toInstant(), rs.getString(14), (Integer) rs.getObject(15));
    }
}
