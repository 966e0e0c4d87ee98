package com.sportsbook.controlplane.flags.core;

import java.nio.charset.StandardCharsets;

/**
 * The stable hash Unleash's {@code flexibleRollout} strategy buckets by: MurmurHash3 (x86, 32 bit, seed 0) of
 * {@code groupId + ":" + stickinessValue} in UTF-8, as an unsigned number, modulo 100, plus 1: a bucket from 1 to 100.
 * A tenant is in a rollout of p percent when p > 0 and its bucket is at most p, so raising the percentage only ever
 * adds tenants. The same function as Unleash's engine (Yggdrasil) and its Node and Java SDKs, so the control plane's
 * own evaluation and Unleash's agree (tested against the engine in {@code StickyHashAgreesWithUnleashTest}).
 */
public final class StickyHash {

    private StickyHash() {
    }

    public static boolean withinPercentage(int percentage, String groupId, String stickinessValue) {
        return percentage > 0 && bucket(groupId, stickinessValue) <= percentage;
    }

    /** The bucket, 1 to 100. */
    public static int bucket(String groupId, String stickinessValue) {
        long hash = murmur3x86x32((groupId + ":" + stickinessValue).getBytes(StandardCharsets.UTF_8), 0) & 0xFFFFFFFFL;
        return (int) (hash % 100) + 1;
    }

    /** MurmurHash3_x86_32 (Austin Appleby's reference, public domain). */
    static int murmur3x86x32(byte[] data, int seed) {
        final int c1 = 0xcc9e2d51;
        final int c2 = 0x1b873593;
        int h1 = seed;
        int blocks = data.length / 4;
        for (int i = 0; i < blocks; i++) {
            int offset = i * 4;
            int k1 = (data[offset] & 0xff) | ((data[offset + 1] & 0xff) << 8) | ((data[offset + 2] & 0xff) << 16)
                    | ((data[offset + 3] & 0xff) << 24);
            k1 *= c1;
            k1 = Integer.rotateLeft(k1, 15);
            k1 *= c2;
            h1 ^= k1;
            h1 = Integer.rotateLeft(h1, 13);
            h1 = h1 * 5 + 0xe6546b64;
        }
        int tail = blocks * 4;
        int k1 = 0;
        switch (data.length & 3) {
            case 3:
                k1 ^= (data[tail + 2] & 0xff) << 16;
                // fall through
            case 2:
                k1 ^= (data[tail + 1] & 0xff) << 8;
                // fall through
            case 1:
                k1 ^= data[tail] & 0xff;
                k1 *= c1;
                k1 = Integer.rotateLeft(k1, 15);
                k1 *= c2;
                h1 ^= k1;
                break;
            default:
                break;
        }
        h1 ^= data.length;
        h1 ^= h1 >>> 16;
        h1 *= 0x85ebca6b;
        h1 ^= h1 >>> 13;
        h1 *= 0xc2b2ae35;
        h1 ^= h1 >>> 16;
        return h1;
    }
}
