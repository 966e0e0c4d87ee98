package com.sportsbook.commons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TenantContextSignatureTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private final TenantContextSignature signature = new TenantContextSignature(SECRET, Duration.ofSeconds(60));
    private final Instant now = Instant.parse("2026-11-25T21:00:00Z");

    @Test
    void aContextSignedByTheGatewayVerifies() {
        String signed = signature.sign("acme", "acme-main", now.getEpochSecond());

        assertThat(signature.verify("acme", "acme-main", Long.toString(now.getEpochSecond()), signed, now)).isTrue();
    }

    @Test
    void signaturesMadeOnManyThreadsAtOnceMatchTheOnesMadeOneByOne() throws Exception {
        Map<Integer, String> oneByOne = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            oneByOne.put(i, signature.sign("tenant-" + i, "brand-" + i, now.getEpochSecond() + i));
        }
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (int i = 0; i < 400; i++) {
                    int n = i;
                    checks.add(threads.submit(() -> signature.sign("tenant-" + n, "brand-" + n, now.getEpochSecond() + n)
                            .equals(oneByOne.get(n))));
                }
            }
            for (Future<Boolean> check : checks) {
                assertThat(check.get()).isTrue();
            }
        }
    }

    @Test
    void anotherTenantCannotReuseASignature() {
        String signed = signature.sign("acme", "acme-main", now.getEpochSecond());

        assertThat(signature.verify("rival", "acme-main", Long.toString(now.getEpochSecond()), signed, now)).isFalse();
        assertThat(signature.verify("acme", "rival-main", Long.toString(now.getEpochSecond()), signed, now)).isFalse();
    }

    @Test
    void aStaleOrFutureContextIsRefused() {
        long issued = now.getEpochSecond();
        String signed = signature.sign("acme", "acme-main", issued);

        assertThat(signature.verify("acme", "acme-main", Long.toString(issued), signed, now.plusSeconds(61))).isFalse();
        assertThat(signature.verify("acme", "acme-main", Long.toString(issued), signed, now.minusSeconds(61))).isFalse();
    }

    @Test
    void missingOrGarbledPartsAreRefused() {
        String signed = signature.sign("acme", "acme-main", now.getEpochSecond());

        assertThat(signature.verify("acme", "acme-main", "yesterday", signed, now)).isFalse();
        assertThat(signature.verify("acme", "acme-main", null, signed, now)).isFalse();
        assertThat(signature.verify("acme", "acme-main", Long.toString(now.getEpochSecond()), "forged", now)).isFalse();
    }

    @Test
    void aShortSecretIsRefusedAtStartup() {
        assertThatThrownBy(() -> new TenantContextSignature("short", Duration.ofSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
