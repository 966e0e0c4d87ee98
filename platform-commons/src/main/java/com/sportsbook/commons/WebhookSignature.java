package com.sportsbook.commons;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of the sandbox providers' webhooks (payments and KYC), built like Stripe's: {@code t=<unix
 * seconds>,v1=<hex HMAC-SHA256 of "t.body">}, keyed per tenant by a key derived from the master secret, so a webhook
 * of one tenant cannot be replayed to another; a signature older or newer than the tolerance is refused.
 */
public final class WebhookSignature {

    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] masterSecret;
    private final String purpose;

    /** @param purpose separates keys derived from one secret for different uses, e.g. {@code sandbox-kyc-webhooks} */
    public WebhookSignature(String masterSecret, String purpose) {
        if (masterSecret == null || masterSecret.length() < 16) {
            throw new IllegalArgumentException("a webhook signing secret has at least 16 characters");
        }
        this.masterSecret = masterSecret.getBytes(StandardCharsets.UTF_8);
        this.purpose = purpose;
    }

    public String header(String tenant, byte[] body, Instant at) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(tenantKey(tenant), signedPayload(t, body)));
    }

    /** Why the header does not authenticate the body for this tenant now; empty when it does. */
    public Optional<String> problem(String tenant, byte[] body, String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.of("the signature header is missing");
        }
        Long t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                try {
                    t = Long.parseLong(pair[1]);
                } catch (NumberFormatException bad) {
                    return Optional.of("the timestamp is not a number");
                }
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                v1 = pair[1];
            }
        }
        if (t == null || v1 == null) {
            return Optional.of("the signature header lacks t or v1");
        }
        if (Duration.between(Instant.ofEpochSecond(t), now).abs().compareTo(TOLERANCE) > 0) {
            return Optional.of("the signature is outside the " + TOLERANCE.toMinutes() + " minute tolerance");
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(v1);
        } catch (IllegalArgumentException bad) {
            return Optional.of("the signature is not hex");
        }
        return MessageDigest.isEqual(mac(tenantKey(tenant), signedPayload(t, body)), given) ? Optional.empty()
                : Optional.of("the signature does not match");
    }

    private byte[] tenantKey(String tenant) {
        return mac(masterSecret, (purpose + ":" + tenant).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] signedPayload(long t, byte[] body) {
        byte[] prefix = (t + ".").getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, payload, 0, prefix.length);
        System.arraycopy(body, 0, payload, prefix.length, body.length);
        return payload;
    }

    private static byte[] mac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
