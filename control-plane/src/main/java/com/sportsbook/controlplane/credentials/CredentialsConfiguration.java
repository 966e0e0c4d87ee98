package com.sportsbook.controlplane.credentials;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

@Configuration
class CredentialsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CredentialsConfiguration.class);

    /** The master keys, and the KMS client when KMS is configured (closed with the context). */
    static final class Keys implements AutoCloseable {

        final MasterKeys keys;
        private final KmsClient kms;

        Keys(MasterKeys keys, KmsClient kms) {
            this.keys = keys;
            this.kms = kms;
        }

        @Override
        public void close() {
            if (kms != null) {
                kms.close();
            }
        }
    }

    @Bean
    Keys credentialKeys(CredentialsSettings settings) {
        LocalKeyWrapper local = new LocalKeyWrapper(settings.localKeyId(), settings.localMasterKey());
        List<KeyWrapper> retired = new ArrayList<>(settings.retiredLocalWrappers());
        CredentialsSettings.Kms kmsSettings = settings.kms();
        if (!kmsSettings.enabled()) {
            log.info("credentials vault: data keys wrapped by local master key '{}'", local.keyId());
            return new Keys(new MasterKeys(local, retired, null), null);
        }
        KmsClient kms = kmsClient(kmsSettings);
        retired.add(local);
        KmsKeyWrapper current = new KmsKeyWrapper(kms, kmsSettings.keyId());
        log.info("credentials vault: data keys wrapped by KMS key {} in {}{}", kmsSettings.keyId(), kmsSettings.region(),
                kmsSettings.endpoint() == null ? "" : " at " + kmsSettings.endpoint());
        return new Keys(new MasterKeys(current, retired, keyId -> new KmsKeyWrapper(kms, keyId)), kms);
    }

    static KmsClient kmsClient(CredentialsSettings.Kms settings) {
        AwsCredentialsProvider credentials = settings.accessKey() == null || settings.accessKey().isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
        var builder = KmsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(3))
                        .socketTimeout(Duration.ofSeconds(10)))
                .region(Region.of(settings.region() == null || settings.region().isBlank() ? "us-east-1" : settings.region()))
                .credentialsProvider(credentials);
        if (settings.endpoint() != null && !settings.endpoint().toString().isBlank()) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    @Bean
    SecretEnvelope secretEnvelope(Keys keys) {
        return new SecretEnvelope(keys.keys);
    }

    @Bean
    Credentials credentials(DataSource dataSource, PlatformTransactionManager transactions, SecretEnvelope envelope,
            Clock clock) {
        return new Credentials(JdbcClient.create(dataSource), envelope, new TransactionTemplate(transactions), clock);
    }

    /** Rotations publish their start, end and every secret that failed for the platform audit. */
    @Bean
    CredentialRotations credentialRotations(DataSource dataSource, PlatformTransactionManager transactions,
            SecretEnvelope envelope, ApplicationEventPublisher events, Clock clock) {
        return new CredentialRotations(JdbcClient.create(dataSource), envelope, new TransactionTemplate(transactions), events,
                clock);
    }
}
