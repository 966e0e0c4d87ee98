package com.sportsbook.runtime.compliance.kyc;

import java.util.Map;
import java.util.Optional;

/** Where document ciphertext is kept (S3; s3proxy in tests and the embedded mode). It never sees plaintext. */
interface DocumentStore {

    String bucket();

    void put(String key, byte[] ciphertext, Map<String, String> metadata);

    Optional<byte[]> get(String key);
}
