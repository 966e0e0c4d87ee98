package com.sportsbook.controlplane.audit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The tenant runtime's internal API as far as the control plane uses it, on a real HTTP port: schemas are created,
 * migrated and seeded (a tenant listed in {@link #failSchemaOnce} fails its first schema creation), every tenant
 * schema reports 87 of 87 changesets, and an upgrade across all tenants finishes at once (409 while one "runs").
 * The real runtime answers these calls in the system tests; here the control plane's side is under test.
 */
final class StubRuntime implements AutoCloseable {

    static final int CHANGESETS = 87;

    final Set<String> failSchemaOnce = ConcurrentHashMap.newKeySet();
    final Set<String> created = ConcurrentHashMap.newKeySet();
    final AtomicBoolean upgradeRunning = new AtomicBoolean();
    private volatile String lastReport = report(null, null, 0, 0);
    private final HttpServer server;

    StubRuntime() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/v1/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        exchange.getRequestBody().readAllBytes();
        if (!"integration-test-internal-token-0123456789".equals(exchange.getRequestHeaders().getFirst("X-Internal-Token"))) {
            answer(exchange, 401, "{\"code\": \"unauthenticated\"}");
            return;
        }
        String[] parts = path.split("/");
        if (method.equals("PUT") && path.matches("/internal/v1/tenants/[^/]+/schema")) {
            String tenant = parts[4];
            if (failSchemaOnce.remove(tenant)) {
                answer(exchange, 500, "{\"detail\": \"the database is restarting\"}");
                return;
            }
            created.add(tenant);
            answer(exchange, 200, "{\"tenant\": \"" + tenant + "\"}");
        } else if (method.equals("POST") && path.matches("/internal/v1/tenants/[^/]+/(migrations|seed)")) {
            answer(exchange, 200, "{}");
        } else if (method.equals("GET") && path.equals("/internal/v1/schemas")) {
            StringBuilder tenants = new StringBuilder();
            for (String tenant : created) {
                tenants.append(tenants.isEmpty() ? "" : ",").append("""
                        {"tenant": "%s", "schema": "tenant_%s", "reachable": true, "changesetsApplied": %d,
                         "changesetsExpected": %d, "upToDate": true, "error": null, "checkedAt": "%s",
                         "lastChangeset": {"id": "0005-regulator-reports", "author": "platform",
                                           "file": "db/tenant/compliance/0005-regulator-reports.yaml", "executedAt": "2026-11-26T10:00:00Z"}}
                        """.formatted(tenant, tenant.replace('-', '_'), CHANGESETS, CHANGESETS, Instant.now()));
            }
            answer(exchange, 200, "{\"checkedAt\": \"" + Instant.now() + "\", \"changesetsExpected\": " + CHANGESETS
                    + ", \"tenants\": [" + tenants + "]}");
        } else if (method.equals("GET") && path.equals("/internal/v1/migrations")) {
            answer(exchange, 200, lastReport);
        } else if (method.equals("POST") && path.equals("/internal/v1/migrations")) {
            if (upgradeRunning.get()) {
                answer(exchange, 409, lastReport);
                return;
            }
            Instant now = Instant.now();
            lastReport = report(now, now, created.size(), created.size());
            answer(exchange, 202, report(now, null, created.size(), 0));
        } else {
            answer(exchange, 404, "{\"code\": \"not_found\"}");
        }
    }

    private static String report(Instant started, Instant finished, int total, int done) {
        return """
                {"startedAt": %s, "finishedAt": %s, "total": %d, "done": %d, "succeeded": [], "failed": [], "current": []}
                """.formatted(started == null ? "null" : "\"" + started + "\"", finished == null ? "null" : "\"" + finished + "\"",
                total, done);
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
