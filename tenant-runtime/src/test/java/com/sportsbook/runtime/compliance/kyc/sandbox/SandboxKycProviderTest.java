package com.sportsbook.runtime.compliance.kyc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.runtime.compliance.kyc.KycProvider;
import com.sportsbook.runtime.compliance.kyc.KycSettings;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox adapter against recorded payloads (signed by the sandbox for tenant {@code demo} at 2026-03-01T12:00Z
 * with the secret below) and against a live HTTP peer standing in for the brand's host.
 */
class SandboxKycProviderTest {

    private static final String SECRET = "recorded-sandbox-kyc-secret";
    private static final Instant RECORDED_AT = Instant.parse("2026-03-01T12:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Recorded(Map<String, String> headers, byte[] body) {
    }

    private static Recorded recorded(String name) throws IOException {
        try (InputStream in = SandboxKycProviderTest.class.getResourceAsStream("/compliance/kyc/sandbox/" + name + ".txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String[] parts = text.split("\n\n", 2);
            String[] header = parts[0].split(": ", 2);
            String body = parts[1].endsWith("\n") ? parts[1].substring(0, parts[1].length() - 1) : parts[1];
            return new Recorded(Map.of(header[0].toLowerCase(java.util.Locale.ROOT), header[1]), body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static SandboxKycProvider provider(Instant now, URI target) {
        return new SandboxKycProvider(new KycSettings.Sandbox(target, SECRET, Duration.ofMillis(100), Duration.ofMillis(400), 0),
                JSON, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static KycProvider.Verdict verified(KycProvider.Webhook webhook) {
        assertThat(webhook).isInstanceOf(KycProvider.Webhook.Verified.class);
        return ((KycProvider.Webhook.Verified) webhook).verdict();
    }

    @Test
    void recordedVerdictsMapToApprovedRejectedNeedsReviewAndProcessing() throws IOException {
        SandboxKycProvider sandbox = provider(RECORDED_AT.plusSeconds(30), URI.create("http://127.0.0.1:9"));

        KycProvider.Verdict approved = verified(sandbox.verify("demo", recorded("verification-approved").body(),
                recorded("verification-approved").headers()));
        KycProvider.Verdict rejected = verified(sandbox.verify("demo", recorded("verification-rejected").body(),
                recorded("verification-rejected").headers()));
        KycProvider.Verdict review = verified(sandbox.verify("demo", recorded("verification-review").body(),
                recorded("verification-review").headers()));
        KycProvider.Verdict processing = verified(sandbox.verify("demo", recorded("verification-processing").body(),
                recorded("verification-processing").headers()));

        assertThat(approved).isEqualTo(new KycProvider.Verdict("evt_kyc_1c7a3e2b0d4f4a6b9c8d7e6f5a4b3c2d", "verification.completed",
                "sbx_kyc_5d1f0c9e8b7a46f3a2e1d0c9b8a7f6e5", KycProvider.Outcome.APPROVED, null, LocalDate.parse("2031-03-01"),
                RECORDED_AT));
        assertThat(rejected.outcome()).isEqualTo(KycProvider.Outcome.REJECTED);
        assertThat(rejected.reason()).isEqualTo("document_not_matching");
        assertThat(review.outcome()).isEqualTo(KycProvider.Outcome.NEEDS_REVIEW);
        assertThat(review.reason()).isEqualTo("partial_name_match");
        assertThat(processing.outcome()).isEqualTo(KycProvider.Outcome.PROCESSING);
        assertThat(processing.reference()).isEqualTo(approved.reference());
    }

    @Test
    void aRecordedWebhookWithOneByteChangedIsForged() throws IOException {
        Recorded approved = recorded("verification-rejected");
        byte[] changed = new String(approved.body(), StandardCharsets.UTF_8).replace("\"rejected\"", "\"approved\"")
                .getBytes(StandardCharsets.UTF_8);

        KycProvider.Webhook webhook = provider(RECORDED_AT, URI.create("http://127.0.0.1:9")).verify("demo", changed, approved.headers());

        assertThat(webhook).isEqualTo(new KycProvider.Webhook.Forged("the signature does not match"));
    }

    @Test
    void aRecordedWebhookDoesNotAuthenticateForAnotherTenantOrOutsideTheReplayWindowOrWithoutItsHeader() throws IOException {
        Recorded approved = recorded("verification-approved");

        assertThat(provider(RECORDED_AT, URI.create("http://127.0.0.1:9")).verify("other", approved.body(), approved.headers()))
                .isInstanceOf(KycProvider.Webhook.Forged.class);
        assertThat(provider(RECORDED_AT.plus(Duration.ofMinutes(6)), URI.create("http://127.0.0.1:9"))
                .verify("demo", approved.body(), approved.headers()))
                .isEqualTo(new KycProvider.Webhook.Forged("the signature is outside the 5 minute tolerance"));
        assertThat(provider(RECORDED_AT, URI.create("http://127.0.0.1:9")).verify("demo", approved.body(), Map.of()))
                .isEqualTo(new KycProvider.Webhook.Forged("the signature header is missing"));
        assertThat(new SandboxKycProvider(new KycSettings.Sandbox(URI.create("http://127.0.0.1:9"), "another-secret-of-16+",
                Duration.ZERO, Duration.ZERO, 0), JSON, Clock.fixed(RECORDED_AT, ZoneOffset.UTC))
                .verify("demo", approved.body(), approved.headers())).isInstanceOf(KycProvider.Webhook.Forged.class);
    }

    private record Received(String host, Map<String, String> headers, byte[] body) {
    }

    @Test
    void theSandboxDecidesByLastNameDeliversSignedVerdictsToTheBrandsHostAndRetriesUntilAcknowledged() throws Exception {
        List<Received> received = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger calls = new AtomicInteger();
        HttpServer brand = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        brand.createContext("/api/v1/kyc/webhooks/sandbox", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            // the first delivery fails, as a brand restarting would: the sandbox must try again
            int status = calls.incrementAndGet() == 1 ? 503 : 200;
            if (status == 200) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("Host"),
                        Map.of("sandbox-kyc-signature", exchange.getRequestHeaders().getFirst("Sandbox-Kyc-Signature")), body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        brand.start();
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        SandboxKycProvider sandbox = new SandboxKycProvider(new KycSettings.Sandbox(
                URI.create("http://127.0.0.1:" + brand.getAddress().getPort()), SECRET, Duration.ofMillis(100),
                Duration.ofMillis(400), 0), JSON, Clock.systemUTC());
        try {
            KycProvider.Submission approved = sandbox.submit(submission("Lovelace"));
            KycProvider.Submission rejected = sandbox.submit(submission("Rejectington"));
            KycProvider.Submission review = sandbox.submit(submission("Reviewsky"));
            KycProvider.Submission none = sandbox.submit(new KycProvider.KycSubmission("demo", "demo.localhost",
                    UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Ada", "Lovelace", LocalDate.of(1990, 1, 1), "GB", List.of()));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (received.size() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            assertThat(none).isEqualTo(new KycProvider.Submission.Refused("no documents"));
            assertThat(received).hasSize(6).allSatisfy(call -> assertThat(call.host()).isEqualTo("demo.localhost"));
            Map<String, KycProvider.Outcome> outcomes = new java.util.HashMap<>();
            for (Received call : received) {
                KycProvider.Verdict verdict = verified(sandbox.verify("demo", call.body(), call.headers()));
                if (verdict.outcome() != KycProvider.Outcome.PROCESSING) {
                    outcomes.put(verdict.reference(), verdict.outcome());
                }
            }
            assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of(
                    ((KycProvider.Submission.Accepted) approved).reference(), KycProvider.Outcome.APPROVED,
                    ((KycProvider.Submission.Accepted) rejected).reference(), KycProvider.Outcome.REJECTED,
                    ((KycProvider.Submission.Accepted) review).reference(), KycProvider.Outcome.NEEDS_REVIEW));
            assertThat(calls.get()).as("the refused delivery was retried").isEqualTo(7);
        } finally {
            sandbox.destroy();
            brand.stop(0);
        }
    }

    @Test
    void theSameSubmissionTwiceIsOneCaseAtTheProvider() {
        SandboxKycProvider sandbox = provider(RECORDED_AT, URI.create("http://127.0.0.1:9"));
        try {
            KycProvider.KycSubmission once = submission("Lovelace");
            assertThat(sandbox.submit(once)).isEqualTo(sandbox.submit(once));
        } finally {
            sandbox.destroy();
        }
    }

    private static KycProvider.KycSubmission submission(String lastName) {
        return new KycProvider.KycSubmission("demo", "demo.localhost", UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "Ada", lastName, LocalDate.of(1990, 1, 1), "GB", List.of(new KycProvider.SubmittedDocument(UUID.randomUUID(),
                        com.sportsbook.runtime.compliance.kyc.core.DocumentType.PASSPORT, "application/pdf", "00".repeat(32),
                        () -> new byte[] {1})));
    }
}
