package com.sportsbook.commons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private final WebhookSignature signature = new WebhookSignature("master-secret-for-tests", "sandbox-webhooks");
    private final byte[] body = "{\"id\":\"evt_1\",\"type\":\"payment.succeeded\"}".getBytes(StandardCharsets.UTF_8);
    private final Instant now = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void aSignatureMadeForTheTenantVerifies() {
        assertThat(signature.problem("acme", body, signature.header("acme", body, now), now.plusSeconds(30))).isEmpty();
    }

    @Test
    void anotherTenantsSignatureATamperedBodyOrAnotherSecretIsRefused() {
        String header = signature.header("acme", body, now);
        byte[] tampered = "{\"id\":\"evt_1\",\"type\":\"payment.succeeded\",\"amount\":9}".getBytes(StandardCharsets.UTF_8);

        assertThat(signature.problem("other", body, header, now)).contains("the signature does not match");
        assertThat(signature.problem("acme", tampered, header, now)).contains("the signature does not match");
        assertThat(new WebhookSignature("another-master-secret", "sandbox-webhooks").problem("acme", body, header, now))
                .contains("the signature does not match");
    }

    @Test
    void theSameSecretForAnotherPurposeSignsDifferently() {
        String header = signature.header("acme", body, now);

        assertThat(new WebhookSignature("master-secret-for-tests", "sandbox-kyc-webhooks").problem("acme", body, header, now))
                .contains("the signature does not match");
    }

    @Test
    void anOldOrMalformedSignatureIsRefused() {
        String header = signature.header("acme", body, now);

        assertThat(signature.problem("acme", body, header, now.plusSeconds(301))).get().asString().contains("tolerance");
        assertThat(signature.problem("acme", body, null, now)).isPresent();
        assertThat(signature.problem("acme", body, "t=abc,v1=00", now)).isPresent();
        assertThat(signature.problem("acme", body, "v1=00", now)).isPresent();
        assertThat(signature.problem("acme", body, "t=" + now.getEpochSecond() + ",v1=zz", now)).contains("the signature is not hex");
    }
}
