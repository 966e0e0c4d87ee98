package com.sportsbook.controlplane.audit;

import com.sportsbook.controlplane.audit.core.AuditEntry;
import com.sportsbook.controlplane.audit.core.AuditRecord;
import com.sportsbook.controlplane.audit.core.AuditQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code platform_audit} rows. Inserts only: the table's trigger refuses UPDATE, DELETE and TRUNCATE. */
@Repository
class AuditStore {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Joins the caller's transaction when there is one. */
    long insert(Instant at, AuditEntry entry) {
        return jdbc.sql("""
                INSERT INTO control_plane.platform_audit (at, actor_subject, actor_name, actor_email, action, tenant_slug, detail)
                VALUES (:at, :subject, :name, :email, :action, :tenant, CAST(:detail AS jsonb)) RETURNING id""")
                .param("at", Timestamp.from(at))
                .param("subject", entry.actor().subject())
                .param("name", entry.actor().name())
                .param("email", entry.actor().email())
                .param("action", entry.action())
                .param("tenant", entry.tenant())
                .param("detail", json.writeValueAsString(entry.detail()))
                .query(Long.class).single();
    }

    /** One page, newest first, of at most {@code query.limit()} records. */
    List<AuditRecord> page(AuditQuery query, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, at, actor_subject, actor_name, actor_email, action, tenant_slug, detail::text AS detail
                FROM control_plane.platform_audit WHERE true""");
        List<Object> params = new ArrayList<>();
        if (query.tenant() != null) {
            sql.append(" AND tenant_slug = ?");
            params.add(query.tenant());
        }
        if (query.action() != null && query.actionPrefix()) {
            sql.append(" AND (action = ? OR starts_with(action, ?))");
            params.add(query.action());
            params.add(query.action() + ".");
        } else if (query.action() != null) {
            sql.append(" AND action = ?");
            params.add(query.action());
        }
        if (query.from() != null) {
            sql.append(" AND at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND at < ?");
            params.add(Timestamp.from(query.to()));
        }
        if (query.before() != null) {
            sql.append(" AND id < ?");
            params.add(query.before());
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(this::row).list();
    }

    private AuditRecord row(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("action"),
                rs.getString("tenant_slug"), new AuditEntry.Actor(rs.getString("actor_subject"), rs.getString("actor_name"),
                        rs.getString("actor_email")), json.readValue(rs.getString("detail"), OBJECT));
    }
}
