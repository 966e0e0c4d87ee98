package com.sportsbook.controlplane.credentials;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param localMasterKey the embedded mode's master key (32 bytes, base64): a marked dev default; production wraps
 *     data keys with AWS KMS instead
 * @param localKeyId the name recorded with every data key it wraps, for rotation
 */
@ConfigurationProperties("control-plane.credentials")
record CredentialsSettings(String localMasterKey, String localKeyId) {
}
