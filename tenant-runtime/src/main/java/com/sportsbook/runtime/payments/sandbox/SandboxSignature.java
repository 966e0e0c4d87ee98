package com.sportsbook.runtime.payments.sandbox;

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
 * The sandbox PSP's webhook signature, built like Stripe's: header {@code Sandbox-Signature: t=<unix seconds>,
 * v1=<hex HMAC-SHA256 of "t.body">}. Each tenant has its own key (derived from the master secret), so a webhook of
 * one tenant cannot be replayed to another; a signature older than the tolerance is refused (replay window).
 */
final class SandboxSignature {

    static final String HEADER = "Sandbox-Signature";
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] masterSecret;

    SandboxSignature(String masterSecret) {
        this.masterSecret = masterSecret.getBytes(StandardCharsets.UTF_8);
    }

    String header(String tenant, byte[] body, Instant at) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(tenantKey(tenant), signedPayload(t, body)));
    }

    /** Why the header does not authenticate the body for this tenant at this time; empty when it does. */
    Optional<String> problem(String tenant, byte[] body, String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.of("no " + HEADER + " header");
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
        byte[] expected = mac(tenantKey(tenant), signedPayload(t, body));
        byte[] given;
        try {
            given = HexFormat.of().parseHex(v1);
        } catch (IllegalArgumentException bad) {
            return Optional.of("the signature is not hex");
        }
        return MessageDigest.isEqual(expected, given) ? Optional.empty() : Optional.of("the signature does not match");
    }

    private byte[] tenantKey(String tenant) {
        return mac(masterSecret, ("sandbox-webhooks:" + tenant).getBytes(StandardCharsets.UTF_8));
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
