package com.sportsbook.runtime.compliance.kyc;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * KYC settings (platform defaults; which actions need a verified case is the brand's jurisdiction rule, see
 * {@link KycPolicy}).
 *
 * @param provider the verification provider: {@code sandbox} (embedded mode and tests)
 * @param reverificationPeriod how long a verification holds unless the verified document expires sooner
 * @param expiryCheckInterval how often every live tenant's verified cases past their expiry are expired
 * @param requiredDocuments what a new case asks for: {@code identity} and/or {@code proof_of_address}
 */
@ConfigurationProperties("runtime.compliance.kyc")
public record KycSettings(String provider, Duration reverificationPeriod, Duration expiryCheckInterval,
        List<String> requiredDocuments, Documents documents, S3 s3, Encryption encryption, Sandbox sandbox) {

    /**
     * @param maxSize the largest document accepted
     * @param contentTypes the content types accepted (each checked against the file's own signature)
     */
    public record Documents(DataSize maxSize, List<String> contentTypes) {
    }

    /**
     * @param endpoint an S3-compatible endpoint (s3proxy, MinIO); empty for AWS S3 itself
     * @param accessKey with {@code secretKey}: static credentials; empty for the default AWS credential chain
     * @param pathStyle path-style addressing, which S3-compatible local stores need
     * @param createBucket create the bucket on first use when it is missing (local stores; production provisions it)
     */
    public record S3(String endpoint, String region, String bucket, String accessKey, String secretKey, boolean pathStyle,
            boolean createBucket) {
    }

    /**
     * @param masterKeyId the id recorded with every data key the master key wraps
     * @param masterKey base64 of 32 bytes (AES-256); empty: a DEV DEFAULT derived from a fixed phrase, embedded mode only
     */
    public record Encryption(String masterKeyId, String masterKey) {
    }

    /**
     * @param webhookTarget where the sandbox delivers webhooks: the gateway, called with the brand's host
     * @param signingSecret the master secret the per-tenant webhook keys are derived from
     * @param verdictAfter how long the sandbox takes to decide; {@code slowVerdictAfter} for a "Slow..." last name
     * @param duplicateProbability the share of webhooks delivered a second time, as real providers sometimes do
     */
    public record Sandbox(URI webhookTarget, String signingSecret, Duration verdictAfter, Duration slowVerdictAfter,
            double duplicateProbability) {
    }
}
