package com.sportsbook.controlplane.credentials;

/**
 * Wraps and unwraps data keys with a master key that never leaves its home: a local AES-GCM key in the embedded mode
 * ({@link LocalKeyWrapper}), AWS KMS in production (control-plane issue). The encryption context is bound to the
 * wrapped key, so a key wrapped for one tenant and purpose cannot be unwrapped for another.
 */
interface KeyWrapper {

    /** Which master key wrapped a data key, kept with it for rotation. */
    String keyId();

    byte[] wrap(byte[] dataKey, String context);

    byte[] unwrap(byte[] wrappedKey, String context);
}
