package com.sportsbook.runtime.audit.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sportsbook.runtime.audit.BetReceipt;
import com.sportsbook.runtime.audit.ReceiptVerification;
import java.math.BigDecimal;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReceiptSignerTest {

    private static final BetReceipt RECEIPT = new BetReceipt(UUID.fromString("6f1c2e4a-0000-4000-8000-000000000001"),
            UUID.fromString("6f1c2e4a-0000-4000-8000-000000000002"), "demo", Instant.parse("2025-03-01T15:04:05.123456Z"),
            "SINGLE", "EUR", 500, 1, 500, 1050, List.of(new BetReceipt.Leg(0, UUID.fromString("6f1c2e4a-0000-4000-8000-000000000003"),
                    "Arsenal v Chelsea", UUID.fromString("6f1c2e4a-0000-4000-8000-000000000004"), "1x2", null,
                    UUID.fromString("6f1c2e4a-0000-4000-8000-000000000005"), "Arsenal", new BigDecimal("2.10"))));

    @Test
    void aKeyFromASeedSignsAsRfc8032Says() {
        // RFC 8032, 7.1, TEST 1: the empty message
        ReceiptSigner signer = ReceiptSigner.fromSeed(HexFormat.of().parseHex(
                "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));

        assertThat(HexFormat.of().formatHex(Base64.getDecoder().decode(signer.sign("")))).isEqualTo(
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        byte[] publicKey = Base64.getDecoder().decode(signer.publicKey().publicKey());
        assertThat(HexFormat.of().formatHex(publicKey)).endsWith("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    }

    @Test
    void aSignedReceiptVerifiesWithThePublishedKeyAndNotOnceTamperedWith() {
        ReceiptSigner signer = ReceiptSigner.devDefault();
        String canonical = RECEIPT.canonical();
        String signature = signer.sign(canonical);
        String key = signer.publicKey().publicKey();

        assertThat(ReceiptVerification.verify(canonical, signature, key)).isTrue();
        assertThat(ReceiptVerification.verify(canonical.replace("\"price\":\"2.10\"", "\"price\":\"2.20\""), signature, key)).isFalse();
        assertThat(ReceiptVerification.verify(canonical.replace("\"potentialReturn\":1050", "\"potentialReturn\":10500"), signature, key))
                .isFalse();
        assertThat(ReceiptVerification.verify(canonical, signature, ReceiptSigner.fromSeed(new byte[32]).publicKey().publicKey()))
                .as("another key").isFalse();
        assertThat(ReceiptVerification.verify(canonical, "not a signature", key)).isFalse();
    }

    @Test
    void theCanonicalReceiptIsTheDocumentedText() {
        assertThat(RECEIPT.canonical()).isEqualTo("{\"acceptedAt\":\"2025-03-01T15:04:05.123456Z\","
                + "\"betId\":\"6f1c2e4a-0000-4000-8000-000000000001\",\"currency\":\"EUR\",\"legs\":[{\"event\":\"Arsenal v Chelsea\","
                + "\"eventId\":\"6f1c2e4a-0000-4000-8000-000000000003\",\"line\":null,\"market\":\"1x2\","
                + "\"marketId\":\"6f1c2e4a-0000-4000-8000-000000000004\",\"position\":0,\"price\":\"2.10\",\"selection\":\"Arsenal\","
                + "\"selectionId\":\"6f1c2e4a-0000-4000-8000-000000000005\"}],\"lines\":1,"
                + "\"playerId\":\"6f1c2e4a-0000-4000-8000-000000000002\",\"potentialReturn\":1050,\"tenant\":\"demo\","
                + "\"totalStake\":500,\"type\":\"SINGLE\",\"unitStake\":500,\"version\":1}");
    }

    @Test
    void aConfiguredPkcs8KeyIsUsedAndItsPublicHalfDerived() throws Exception {
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        ReceiptSigner signer = ReceiptSigner.fromPkcs8(pem);

        assertThat(signer.publicKey().publicKey()).isEqualTo(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        assertThat(signer.toString()).doesNotContain(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        assertThat(ReceiptVerification.verify("x", signer.sign("x"), signer.publicKey().publicKey())).isTrue();
        assertThatThrownBy(() -> ReceiptSigner.fromPkcs8("not a key")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDevKeyIsTheSameOnEveryStart() {
        assertThat(ReceiptSigner.devDefault().publicKey()).isEqualTo(ReceiptSigner.devDefault().publicKey());
        assertThat(ReceiptSigner.devDefault().publicKey().pem()).startsWith("-----BEGIN PUBLIC KEY-----\n");
    }
}
