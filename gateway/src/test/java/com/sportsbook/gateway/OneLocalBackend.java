package com.sportsbook.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;

/** The gateway's settings for a test whose control plane and runtime are one local server on {@code port}. */
final class OneLocalBackend {

    private OneLocalBackend() {
    }

    static void register(DynamicPropertyRegistry registry, int port) {
        String backend = "http://127.0.0.1:" + port;
        registry.add("gateway.control-plane-url", () -> backend);
        registry.add("gateway.runtime-url", () -> backend);
        registry.add("gateway.platform-hosts", () -> "platform.localhost");
        registry.add("gateway.directory-refresh", () -> "1h");
        registry.add("management.server.port", () -> "0");
    }
}
