package com.sportsbook.controlplane.credentials;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The master keys this process can use: the current one seals every new data key; older ones (retired local keys, and
 * any KMS key, named by the row itself) still open what they sealed until a rotation re-wraps it under the current
 * key. That is what lets a rotation run while every secret stays readable.
 */
final class MasterKeys {

    private final KeyWrapper current;
    private final Map<String, KeyWrapper> local;
    private final Function<String, KeyWrapper> kms;
    private final Map<String, KeyWrapper> kmsKeys = new ConcurrentHashMap<>();

    /**
     * @param retiredLocal local keys that no longer seal but still open
     * @param kms a wrapper for a KMS key id, or null when this process has no KMS client
     */
    MasterKeys(KeyWrapper current, List<KeyWrapper> retiredLocal, Function<String, KeyWrapper> kms) {
        this.current = current;
        Map<String, KeyWrapper> byId = new LinkedHashMap<>();
        for (KeyWrapper key : retiredLocal) {
            if (byId.put(key.keyId(), key) != null) {
                throw new IllegalArgumentException("two local master keys have the id '" + key.keyId() + "'");
            }
        }
        if (!(current instanceof KmsKeyWrapper)) {
            byId.put(current.keyId(), current);
        } else {
            kmsKeys.put(current.keyId(), current);
        }
        this.local = Map.copyOf(byId);
        this.kms = kms;
    }

    static MasterKeys only(KeyWrapper key) {
        return new MasterKeys(key, List.of(), null);
    }

    KeyWrapper current() {
        return current;
    }

    /** The key that opens data keys recorded with this id. */
    KeyWrapper forKeyId(String keyId) {
        if (keyId.equals(current.keyId())) {
            return current;
        }
        String kmsKeyId = KmsKeyWrapper.kmsKeyIdOf(keyId);
        if (kmsKeyId != null) {
            if (kms == null) {
                throw new SecretUnreadable("the data key is wrapped by KMS key " + kmsKeyId + " but this control plane"
                        + " has no KMS configured (control-plane.credentials.kms)");
            }
            return kmsKeys.computeIfAbsent(keyId, id -> kms.apply(kmsKeyId));
        }
        KeyWrapper key = local.get(keyId);
        if (key == null) {
            throw new SecretUnreadable("the data key is wrapped by local master key '" + keyId + "', which is not"
                    + " configured here (keep it in control-plane.credentials.retired-local-keys until a rotation has"
                    + " re-wrapped everything it sealed)");
        }
        return key;
    }
}
