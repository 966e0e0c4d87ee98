package com.sportsbook.systemtests;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plays the sandbox PSP's part in tests: builds webhook bodies and signs them as the PSP does (HMAC-SHA256 of
 * "t.body" with the tenant's key, itself derived from the PSP's master secret), computed independently of the
 * runtime's code.
 */
final class SandboxWebhooks {

    private SandboxWebhooks() {
    }

    static String event(String id, String type, String reference, long amount, String currency) {
        return """
                {"id":"%s","type":"%s","created":%d,"data":{"reference":"%s","amount":%d,"currency":"%s","failureReason":null}}"""
                .formatted(id, type, Instant.now().getEpochSecond(), reference, amount, currency);
    }

    static String signature(String masterSecret, String tenant, String body, Instant at) {
        byte[] tenantKey = hmac(masterSecret.getBytes(StandardCharsets.UTF_8),
                ("sandbox-webhooks:" + tenant).getBytes(StandardCharsets.UTF_8));
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(tenantKey, (t + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
