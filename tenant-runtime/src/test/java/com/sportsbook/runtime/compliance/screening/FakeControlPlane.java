package com.sportsbook.runtime.compliance.screening;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The control plane's routing directory as the runtime polls it ({@code GET /internal/v1/routing}), serving one
 * tenant with one brand once {@link #activate} is called, so tests run registration and "every active tenant" work
 * through the real directory.
 */
final class FakeControlPlane {

    private final HttpServer server;
    private final AtomicLong version = new AtomicLong(1);
    private final AtomicReference<String> routing = new AtomicReference<>(snapshot(1, "", ""));

    FakeControlPlane() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/v1/routing", exchange -> {
            byte[] body = routing.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on the directory lists the tenant as active with its brand (minimum age 18, EUR). */
    void activate(String tenant, String brand) {
        String tenants = """
                {"slug":"%s","status":"active","schema":"tenant_%s","databaseCell":"main"}""".formatted(tenant, tenant);
        String brands = """
                {"slug":"%s","tenant":"%s","name":"Screened","hosts":["%s.localhost"],"defaultCurrency":"EUR",\
                "currencies":["EUR"],"languages":["en"],"jurisdictions":["MT"],"minimumAge":18,"theme":{}}"""
                .formatted(brand, tenant, brand);
        routing.set(snapshot(version.incrementAndGet(), tenants, brands));
    }

    private static String snapshot(long version, String tenants, String brands) {
        return "{\"version\":" + version + ",\"tenants\":[" + tenants + "],\"brands\":[" + brands + "]}";
    }
}
