package com.sportsbook.runtime;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a query really read, from PostgreSQL's own account of running it ({@code EXPLAIN ANALYZE}). */
public final class QueryPlans {

    private QueryPlans() {
    }

    /** Runs the query (in the caller's transaction) and answers how many rows its scans of this table returned. */
    public static long rowsRead(JdbcClient jdbc, String table, String sql, Object... params) {
        return rowsRead(table, plan(jdbc, sql, params));
    }

    /**
     * Runs the query (in the caller's transaction) and answers how many pages its scans of this table (and of its
     * indexes, under such a scan) touched: what a scan that skips dead row versions one by one pays, though it returns
     * few rows.
     */
    public static long pagesRead(JdbcClient jdbc, String table, String sql, Object... params) {
        return pagesRead(table, plan(jdbc, sql, params));
    }

    private static JsonNode plan(JdbcClient jdbc, String sql, Object... params) {
        List<String> plan = jdbc.sql("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql).params(params).query(String.class).list();
        return JsonMapper.builder().build().readTree(String.join("\n", plan)).get(0).get("Plan");
    }

    private static long pagesRead(String table, JsonNode node) {
        if (table.equals(node.path("Relation Name").asString(""))) {
            return node.path("Shared Hit Blocks").asLong() + node.path("Shared Read Blocks").asLong();
        }
        long pages = 0;
        for (JsonNode child : node.path("Plans")) {
            pages += pagesRead(table, child);
        }
        return pages;
    }

    private static long rowsRead(String table, JsonNode node) {
        long rows = table.equals(node.path("Relation Name").asString(""))
                ? node.path("Actual Rows").asLong() * node.path("Actual Loops").asLong() : 0;
        for (JsonNode child : node.path("Plans")) {
            rows += rowsRead(table, child);
        }
        return rows;
    }
}
