package com.sportsbook.controlplane.credentials;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param localMasterKey the embedded mode's master key (32 bytes, base64): a marked dev default. It seals new data
 *     keys unless {@code kms.keyId} is set; it keeps opening what it sealed until a rotation has re-wrapped all of it
 * @param localKeyId the name recorded with every data key the local key wraps
 * @param retiredLocalKeys earlier local master keys as {@code id:base64}: they seal nothing, they open what they
 *     sealed until a rotation re-wraps it under the current key (then remove them)
 * @param kms AWS KMS; when its key id is set, KMS wraps every new data key
 */
@ConfigurationProperties("control-plane.credentials")
record CredentialsSettings(String localMasterKey, String localKeyId, List<String> retiredLocalKeys, Kms kms) {

    CredentialsSettings {
        retiredLocalKeys = retiredLocalKeys == null ? List.of()
                : retiredLocalKeys.stream().filter(entry -> entry != null && !entry.isBlank()).toList();
        kms = kms == null ? new Kms(null, null, null, null, null) : kms;
    }

    /**
     * @param keyId the KMS key that wraps new data keys, best its ARN (an alias can be moved to other key material);
     *     empty: the local master key does
     * @param region the key's region
     * @param endpoint an endpoint other than AWS's (a VPC endpoint, or a local KMS-compatible peer); empty: AWS's own
     * @param accessKey with {@code secretKey}: static credentials; empty for the default AWS credential chain
     *     (instance profile, pod role, environment)
     */
    record Kms(String keyId, String region, URI endpoint, String accessKey, String secretKey) {

        boolean enabled() {
            return keyId != null && !keyId.isBlank();
        }
    }

    List<LocalKeyWrapper> retiredLocalWrappers() {
        return retiredLocalKeys.stream().map(entry -> {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("a retired local key is written id:base64 (the id is recorded with"
                        + " each data key it wrapped)");
            }
            return new LocalKeyWrapper(entry.substring(0, colon).trim(), entry.substring(colon + 1).trim());
        }).toList();
    }
}
