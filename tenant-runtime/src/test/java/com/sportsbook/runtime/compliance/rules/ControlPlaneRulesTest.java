package com.sportsbook.runtime.compliance.rules;

import com.sportsbook.commons.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The runtime's side of the rules API against a local peer answering what the control plane answers (its
 * JurisdictionRulesIT): read with the service token, kept for the refresh period, revalidated with the ETag, the last
 * answer kept while the control plane is unreachable up to max-stale, and unavailable (fail closed) otherwise.
 */
class ControlPlaneRulesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger notModified = new AtomicInteger();
    private final AtomicReference<String> token = new AtomicReference<>();
    private final AtomicReference<Integer> maltaMinimumAge = new AtomicReference<>(18);
    /** When set, the control plane answers only once it is counted down (a slow control plane). */
    private final AtomicReference<CountDownLatch> answerAfter = new AtomicReference<>();
    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-07-01T12:00:00Z"));
    private HttpServer controlPlane = start();

    private HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/internal/v1/tenants/", exchange -> {
                reads.incrementAndGet();
                CountDownLatch slow = answerAfter.get();
                if (slow != null) {
                    try {
                        slow.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                token.set(exchange.getRequestHeaders().getFirst("X-Internal-Token"));
                byte[] body = document(maltaMinimumAge.get());
                String etag = "\"age-" + maltaMinimumAge.get() + "\"";
                if (!exchange.getRequestURI().getPath().equals("/internal/v1/tenants/acme/rules")) {
                    exchange.sendResponseHeaders(404, -1);
                } else if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    notModified.incrementAndGet();
                    exchange.getResponseHeaders().add("ETag", etag);
                    exchange.sendResponseHeaders(304, -1);
                } else {
                    exchange.getResponseHeaders().add("ETag", etag);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The control plane's document for tenant acme: brand acme in MT and GB, MT's minimum age possibly overridden. */
    private static byte[] document(int maltaMinimumAge) {
        ObjectNode document = JSON.createObjectNode().put("tenant", "acme").put("ruleVersion", maltaMinimumAge == 18 ? 0 : 1);
        document.putObject("brands").putArray("acme").add("MT").add("GB");
        var jurisdictions = document.putArray("jurisdictions");
        for (String code : List.of("MT", "GB")) {
            ObjectNode jurisdiction = jurisdictions.addObject().put("code", code).put("name", code).put("regulator", code)
                    .put("currency", ShippedPacks.tree(code).get("currency").asString()).put("packVersion", "2026.2")
                    .put("adoptedAt", "2026-07-01T10:00:00Z");
            ObjectNode rules = jurisdiction.putObject("rules");
            ShippedPacks.values(code).forEach((rule, value) -> {
                Object effective = code.equals("MT") && rule.equals("minimumAge") ? maltaMinimumAge : value;
                rules.putObject(rule).put("source", "the pack").put("overridable", true).put("stricterMeans", "more")
                        .putPOJO("pack", value).putPOJO("effective", effective).putNull("override");
            });
        }
        return JSON.writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
    }

    @AfterEach
    void stop() {
        controlPlane.stop(0);
    }

    /** Refreshes that fall due run on the calling thread, before it is answered: each test sees them done. */
    private ControlPlaneRules rules() {
        return rules(Runnable::run);
    }

    private ControlPlaneRules rules(Executor refresher) {
        return new ControlPlaneRules(RestClient.builder(), JSON, new RulesSettings(
                URI.create("http://127.0.0.1:" + controlPlane.getAddress().getPort()), "internal-token-for-tests",
                Duration.ofSeconds(15), Duration.ofMinutes(10)), clock, refresher);
    }

    @Test
    void aRefreshThatFallsDueIsMadeInTheBackgroundOnceWhileTheLastRulesKeepServing() throws Exception {
        ExecutorService refresher = Executors.newSingleThreadExecutor();
        try {
            ControlPlaneRules rules = rules(refresher);
            rules.brandRules("acme", "acme");
            CountDownLatch slow = new CountDownLatch(1);
            answerAfter.set(slow);
            maltaMinimumAge.set(21);
            clock.advance(Duration.ofSeconds(16));

            long started = System.nanoTime();
            List<Integer> meanwhile = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                meanwhile.add(rules.brandRules("acme", "acme").minimumAge());
            }
            long waitedMillis = (System.nanoTime() - started) / 1_000_000;
            slow.countDown();
            Instant deadline = Instant.now().plusSeconds(10);
            while (rules.brandRules("acme", "acme").minimumAge() != 21 && Instant.now().isBefore(deadline)) {
                Thread.sleep(10);
            }

            assertThat(meanwhile).as("the last rules, while the control plane is slow to answer").containsOnly(18);
            assertThat(waitedMillis).as("no call waited for the control plane").isLessThan(1000);
            assertThat(rules.brandRules("acme", "acme").minimumAge()).as("the refreshed rules, once answered").isEqualTo(21);
            assertThat(reads.get()).as("the first read and one refresh, however many calls fell due meanwhile").isEqualTo(2);
        } finally {
            refresher.shutdownNow();
        }
    }

    @Test
    void theRulesAreReadWithTheServiceTokenKeptForTheRefreshAndThenRevalidatedWithTheEtag() {
        ControlPlaneRules rules = rules();

        BrandRules first = rules.brandRules("acme", "acme");
        BrandRules cached = rules.brandRules("acme", "acme");
        clock.advance(Duration.ofSeconds(16));
        BrandRules revalidated = rules.brandRules("acme", "acme");

        assertThat(first.minimumAge()).isEqualTo(18);
        assertThat(first.jurisdictions()).containsExactly("MT", "GB");
        assertThat(token.get()).isEqualTo("internal-token-for-tests");
        assertThat(cached).isSameAs(first);
        assertThat(revalidated).as("a 304 keeps the computed rules").isSameAs(first);
        assertThat(reads.get()).isEqualTo(2);
        assertThat(notModified.get()).isEqualTo(1);
    }

    @Test
    void anApprovedOverrideIsTakenUpAtTheNextRefreshOrAtOnceWhenForgotten() {
        ControlPlaneRules rules = rules();
        rules.brandRules("acme", "acme");

        maltaMinimumAge.set(21);
        BrandRules beforeRefresh = rules.brandRules("acme", "acme");
        clock.advance(Duration.ofSeconds(16));
        BrandRules afterRefresh = rules.brandRules("acme", "acme");
        maltaMinimumAge.set(25);
        rules.forget("acme");
        BrandRules afterForget = rules.brandRules("acme", "acme");

        assertThat(beforeRefresh.minimumAge()).isEqualTo(18);
        assertThat(afterRefresh.minimumAge()).isEqualTo(21);
        assertThat(afterRefresh.ruleVersion()).isEqualTo(1);
        assertThat(afterForget.minimumAge()).isEqualTo(25);
    }

    @Test
    void withTheControlPlaneUnreachableTheLastRulesStayInForceUpToMaxStaleThenTheyAreUnavailable() {
        ControlPlaneRules rules = rules();
        rules.brandRules("acme", "acme");
        controlPlane.stop(0);

        clock.advance(Duration.ofMinutes(9));
        BrandRules stale = rules.brandRules("acme", "acme");
        clock.advance(Duration.ofMinutes(2));

        assertThat(stale.minimumAge()).isEqualTo(18);
        assertThatThrownBy(() -> rules.brandRules("acme", "acme")).isInstanceOf(RulesUnavailable.class);
    }

    @Test
    void whileTheControlPlaneIsUnreachableTheBackgroundRefreshIsTriedAtMostOnceASecond() {
        AtomicInteger tried = new AtomicInteger();
        ControlPlaneRules rules = rules(task -> {
            tried.incrementAndGet();
            task.run();
        });
        rules.brandRules("acme", "acme");
        controlPlane.stop(0);
        clock.advance(Duration.ofSeconds(16));

        for (int i = 0; i < 100; i++) {
            rules.brandRules("acme", "acme");
        }
        int inTheSameSecond = tried.get();
        clock.advance(Duration.ofSeconds(1));
        rules.brandRules("acme", "acme");

        assertThat(inTheSameSecond).as("a hundred bets in one second").isEqualTo(1);
        assertThat(tried.get()).as("and one more a second later").isEqualTo(2);
    }

    @Test
    void rulesNeverReadAreUnavailableRatherThanGuessed() {
        controlPlane.stop(0);

        assertThatThrownBy(() -> rules().brandRules("acme", "acme")).isInstanceOf(RulesUnavailable.class)
                .hasMessageContaining("could not be reached");
    }

    @Test
    void aTenantOrBrandTheControlPlaneDoesNotKnowHasNoRules() {
        ControlPlaneRules rules = rules();

        assertThatThrownBy(() -> rules.brandRules("other", "other")).isInstanceOf(RulesUnavailable.class).hasMessageContaining("404");
        assertThatThrownBy(() -> rules.brandRules("acme", "another-brand")).isInstanceOf(RulesUnavailable.class);
        assertThat(rules.jurisdictionRules("acme", "GB").currency()).isEqualTo("GBP");
    }

}
