package com.sportsbook.commons.testing;

import java.util.Optional;

/**
 * The real Unleash of a test run, if there is one: scripts/test starts unleash-server (scripts/lib/unleash.sh) when
 * the machine's PostgreSQL answers, and names it with {@code UNLEASH_URL}, {@code UNLEASH_ADMIN_TOKEN} and
 * {@code UNLEASH_CLIENT_TOKEN} (of the {@code default} project's {@code production} environment). Tests against it
 * skip with {@link #WHY_MISSING} when it is not there.
 */
public final class TestUnleash {

    public static final String WHY_MISSING = "UNLEASH_URL is not set: no real Unleash for this run (scripts/test starts one"
            + " from the npm registry when a PostgreSQL answers on 127.0.0.1:5432; or set UNLEASH_URL, UNLEASH_ADMIN_TOKEN"
            + " and UNLEASH_CLIENT_TOKEN)";

    public record Server(String url, String adminToken, String clientToken) {
    }

    private TestUnleash() {
    }

    public static Optional<Server> server() {
        String url = System.getenv("UNLEASH_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Server(url.replaceAll("/+$", ""), envOr("UNLEASH_ADMIN_TOKEN", ""), envOr("UNLEASH_CLIENT_TOKEN", "")));
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
