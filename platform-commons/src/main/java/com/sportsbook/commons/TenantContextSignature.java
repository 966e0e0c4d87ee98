package com.sportsbook.commons;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over the tenant context the gateway asserts (tenant, brand, issue time). The runtime accepts the
 * tenant headers only when the signature matches and the context is fresh, so a request that reaches the runtime
 * without passing the gateway cannot choose its tenant.
 */
public final class TenantContextSignature {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_SECRET_BYTES = 32;

    private final SecretKeySpec key;
    private final Duration maxAge;
    /** A keyed Mac per thread: getting and keying one costs more than the HMAC itself, on every request. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public TenantContextSignature(String secret, Duration maxAge) {
        byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the gateway signing secret must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
        this.maxAge = maxAge;
    }

    public String sign(String tenant, String brand, long issuedAtEpochSecond) {
        Mac mac = macs.get();
        byte[] digest = mac.doFinal(payload(tenant, brand, issuedAtEpochSecond));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    public boolean verify(String tenant, String brand, String issuedAt, String signature, Instant now) {
        if (tenant == null || brand == null || issuedAt == null || signature == null) {
            return false;
        }
        long issuedAtSecond;
        try {
            issuedAtSecond = Long.parseLong(issuedAt);
        } catch (NumberFormatException e) {
            return false;
        }
        long age = now.getEpochSecond() - issuedAtSecond;
        if (age > maxAge.toSeconds() || age < -maxAge.toSeconds()) {
            return false;
        }
        byte[] expected = sign(tenant, brand, issuedAtSecond).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] payload(String tenant, String brand, long issuedAt) {
        return (tenant + '\n' + brand + '\n' + issuedAt).getBytes(StandardCharsets.UTF_8);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
