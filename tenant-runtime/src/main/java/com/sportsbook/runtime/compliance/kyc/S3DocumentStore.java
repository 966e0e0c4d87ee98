package com.sportsbook.runtime.compliance.kyc;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Document ciphertext in one S3 bucket, through aws-sdk-java-v2. */
final class S3DocumentStore implements DocumentStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3DocumentStore.class);

    private final S3Client s3;
    private final String bucket;
    private final boolean createBucket;
    private volatile boolean bucketKnown;

    S3DocumentStore(S3Client s3, String bucket, boolean createBucket) {
        this.s3 = s3;
        this.bucket = bucket;
        this.createBucket = createBucket;
    }

    static S3Client client(KycSettings.S3 settings) {
        AwsCredentialsProvider credentials = settings.accessKey() == null || settings.accessKey().isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle());
        if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
            // S3-compatible stores (s3proxy here) do not all take the SDK's default trailing checksums; integrity is
            // the envelope's job anyway (AES-GCM tag and the plaintext's SHA-256).
            builder.endpointOverride(URI.create(settings.endpoint()))
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder.build();
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public void put(String key, byte[] ciphertext, Map<String, String> metadata) {
        ensureBucket();
        s3.putObject(request -> request.bucket(bucket).key(key).contentType("application/octet-stream").metadata(metadata),
                RequestBody.fromBytes(ciphertext));
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException | NoSuchBucketException missing) {
            return Optional.empty();
        }
    }

    private void ensureBucket() {
        if (bucketKnown || !createBucket) {
            return;
        }
        try {
            s3.headBucket(request -> request.bucket(bucket));
        } catch (NoSuchBucketException missing) {
            try {
                s3.createBucket(request -> request.bucket(bucket));
                log.info("created the KYC document bucket {}", bucket);
            } catch (BucketAlreadyOwnedByYouException raced) {
                // another replica created it first
            }
        }
        bucketKnown = true;
    }

    @Override
    public void close() {
        s3.close();
    }
}
