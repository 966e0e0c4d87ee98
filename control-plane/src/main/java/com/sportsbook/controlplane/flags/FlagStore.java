package com.sportsbook.controlplane.flags;

import com.sportsbook.controlplane.flags.core.Flag;
import com.sportsbook.controlplane.flags.core.FlagKey;
import com.sportsbook.controlplane.flags.core.Rollout;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The flags module's tables: the flags with their sync state, and the append-only history. Plain SQL. */
@Repository
class FlagStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    /** A flag row: the flag and its bookkeeping. */
    record Row(Flag flag, Instant createdAt, Instant updatedAt, String updatedBy, long syncedVersion, Instant syncedAt,
            String syncError) {
    }

    /** One recorded change. */
    record Change(long version, Instant at, String actorId, String actorName, String action, String reason,
            Map<String, Object> before, Map<String, Object> after) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FlagStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<Row> all() {
        return jdbc.sql(SELECT + " ORDER BY key").query(this::row).list();
    }

    Optional<Row> find(String key) {
        return jdbc.sql(SELECT + " WHERE key = ?").param(key).query(this::row).optional();
    }

    /** The row, locked until the transaction ends: changes to one flag are serialised and versions never collide. */
    Optional<Row> lock(String key) {
        return jdbc.sql(SELECT + " WHERE key = ? FOR UPDATE").param(key).query(this::row).optional();
    }

    /** False when the key is taken. */
    boolean insert(Flag flag, Instant at, Actor actor) {
        return jdbc.sql("""
                        INSERT INTO control_plane.feature_flag (key, description, tenants, percentage, jurisdictions, killed,
                            version, created_at, updated_at, updated_by)
                        VALUES (?, ?, CAST(? AS jsonb), ?, CAST(? AS jsonb), ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING""")
                .params(flag.key().value(), flag.description(), json.writeValueAsString(flag.rollout().tenants()),
                        flag.rollout().percentage(), json.writeValueAsString(flag.rollout().jurisdictions()), flag.killed(),
                        flag.version(), Timestamp.from(at), Timestamp.from(at), actor.name())
                .update() == 1;
    }

    void update(Flag flag, Instant at, Actor actor) {
        jdbc.sql("""
                        UPDATE control_plane.feature_flag SET description = ?, tenants = CAST(? AS jsonb), percentage = ?,
                            jurisdictions = CAST(? AS jsonb), killed = ?, version = ?, updated_at = ?, updated_by = ?
                        WHERE key = ?""")
                .params(flag.description(), json.writeValueAsString(flag.rollout().tenants()), flag.rollout().percentage(),
                        json.writeValueAsString(flag.rollout().jurisdictions()), flag.killed(), flag.version(),
                        Timestamp.from(at), actor.name(), flag.key().value())
                .update();
    }

    void record(Flag flag, Instant at, Actor actor, String action, String reason, Flag before) {
        jdbc.sql("""
                        INSERT INTO control_plane.feature_flag_change (flag_key, version, at, actor_id, actor_name, action,
                            reason, before, after)
                        VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))""")
                .params(flag.key().value(), flag.version(), Timestamp.from(at), actor.id(), actor.name(), action, reason,
                        before == null ? null : json.writeValueAsString(state(before)), json.writeValueAsString(state(flag)))
                .update();
    }

    /** Newest first, versions below {@code beforeVersion} when given. */
    List<Change> history(String key, Long beforeVersion, int limit) {
        return jdbc.sql("""
                        SELECT version, at, actor_id, actor_name, action, reason, before, after
                        FROM control_plane.feature_flag_change
                        WHERE flag_key = ? AND (CAST(? AS bigint) IS NULL OR version < ?)
                        ORDER BY version DESC LIMIT ?""")
                .params(key, beforeVersion, beforeVersion, limit)
                .query((rs, row) -> new Change(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7) == null ? null : json.readValue(rs.getString(7), OBJECT), json.readValue(rs.getString(8), OBJECT)))
                .list();
    }

    /** Flags Unleash has not seen at their current version. */
    List<Flag> unsynced() {
        return jdbc.sql(SELECT + " WHERE synced_version < version ORDER BY key").query(this::row).list().stream()
                .map(Row::flag).toList();
    }

    void markSynced(String key, long version, Instant at) {
        jdbc.sql("""
                        UPDATE control_plane.feature_flag SET synced_version = greatest(synced_version, ?), synced_at = ?,
                            sync_error = NULL WHERE key = ?""")
                .params(version, Timestamp.from(at), key).update();
    }

    void markFailed(String key, String error) {
        jdbc.sql("UPDATE control_plane.feature_flag SET sync_error = ? WHERE key = ?")
                .params(error.length() > 2000 ? error.substring(0, 2000) : error, key).update();
    }

    /** What the history records of a flag's state. */
    static Map<String, Object> state(Flag flag) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("description", flag.description());
        state.put("tenants", flag.rollout().tenants());
        state.put("percentage", flag.rollout().percentage());
        state.put("jurisdictions", flag.rollout().jurisdictions());
        state.put("killed", flag.killed());
        return state;
    }

    private static final String SELECT = """
            SELECT key, description, tenants, percentage, jurisdictions, killed, version, created_at, updated_at,
                   updated_by, synced_version, synced_at, sync_error
            FROM control_plane.feature_flag""";

    private Row row(ResultSet rs, int row) throws SQLException {
        Flag flag = new Flag(new FlagKey(rs.getString(1)), rs.getString(2),
                new Rollout(json.readValue(rs.getString(3), STRINGS), rs.getInt(4), json.readValue(rs.getString(5), STRINGS)),
                rs.getBoolean(6), rs.getLong(7));
        Timestamp syncedAt = rs.getTimestamp(12);
        return new Row(flag, rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant(), rs.getString(10),
                rs.getLong(11), syncedAt == null ? null : syncedAt.toInstant(), rs.getString(13));
    }
}
