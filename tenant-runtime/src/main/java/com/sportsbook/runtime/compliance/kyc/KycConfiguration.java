package com.sportsbook.runtime.compliance.kyc;

import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.compliance.kyc.core.DocumentCategory;
import com.sportsbook.runtime.compliance.kyc.core.EnvelopeCipher;
import com.sportsbook.runtime.compliance.rules.EffectiveRules;
import com.sportsbook.runtime.identity.Players;
import com.sportsbook.runtime.payments.WithdrawalGate;
import com.sportsbook.runtime.tenancy.ActiveTenants;
import com.sportsbook.runtime.tenancy.TenantDirectory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** KYC on the bound tenant's schema, documents in S3, the provider's verdicts by webhook. */
@Configuration
class KycConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KycConfiguration.class);
    private static final String DEV_MASTER_KEY_PHRASE = "dev-only-kyc-master-key-not-for-production";

    @Bean
    KycPolicy kycPolicy(EffectiveRules rules) {
        return new JurisdictionKycPolicy(rules);
    }

    @Bean(destroyMethod = "close")
    S3DocumentStore kycDocumentStore(KycSettings settings) {
        return new S3DocumentStore(S3DocumentStore.client(settings.s3()), settings.s3().bucket(), settings.s3().createBucket());
    }

    @Bean
    EnvelopeCipher kycEnvelopeCipher(KycSettings settings) {
        KycSettings.Encryption encryption = settings.encryption();
        byte[] key;
        if (encryption.masterKey() == null || encryption.masterKey().isBlank()) {
            log.warn("KYC documents are sealed with the DEV DEFAULT master key: set KYC_MASTER_KEY outside the embedded mode");
            key = sha256(DEV_MASTER_KEY_PHRASE);
        } else {
            key = Base64.getDecoder().decode(encryption.masterKey().strip());
        }
        EnvelopeCipher.MasterKey master = new EnvelopeCipher.MasterKey(encryption.masterKeyId(), key);
        return new EnvelopeCipher(Map.of(master.id(), master), master.id(), new SecureRandom());
    }

    @Bean
    KycCases kycCases(DataSource dataSource, PlatformTransactionManager transactions, AuditTrail audit, Clock clock) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        return new KycCases(JdbcClient.create(dataSource), readOnly, audit, clock);
    }

    @Bean
    KycDocuments kycDocuments(DataSource dataSource, KycCases cases, S3DocumentStore store, EnvelopeCipher cipher,
            KycSettings settings, PlatformTransactionManager transactions, Clock clock) {
        Set<DocumentCategory> firstRequest = EnumSet.noneOf(DocumentCategory.class);
        for (String wire : settings.requiredDocuments()) {
            firstRequest.add(DocumentCategory.fromWire(wire).orElseThrow(() -> new IllegalArgumentException(
                    "runtime.compliance.kyc.required-documents: identity or proof_of_address, not " + wire)));
        }
        return new KycDocuments(JdbcClient.create(dataSource), cases, store, cipher, settings.documents().maxSize().toBytes(),
                settings.documents().contentTypes(), firstRequest, new TransactionTemplate(transactions), clock);
    }

    @Bean
    KycSubmissions kycSubmissions(KycCases cases, KycDocuments documents, KycProvider provider, Players players,
            TenantDirectory directory, PlatformTransactionManager transactions) {
        return new KycSubmissions(cases, documents, provider, players, directory, new TransactionTemplate(transactions));
    }

    @Bean
    KycWebhookIntake kycWebhookIntake(KycCases cases, KycProvider provider, DataSource dataSource,
            PlatformTransactionManager transactions, KycSettings settings, Clock clock) {
        return new KycWebhookIntake(cases, provider, JdbcClient.create(dataSource), new TransactionTemplate(transactions),
                settings.reverificationPeriod(), clock);
    }

    @Bean
    KycExpiry kycExpiry(KycCases cases, ActiveTenants tenants, PlatformTransactionManager transactions, Clock clock) {
        return new KycExpiry(cases, tenants, new TransactionTemplate(transactions), clock);
    }

    /** Replaces payments' permissive stand-in (which yields to any other {@link WithdrawalGate}). */
    @Bean
    @Primary
    WithdrawalGate kycWithdrawalGate(KycStatus kycCases) {
        return new KycWithdrawalGate(kycCases);
    }

    private static byte[] sha256(String phrase) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(phrase.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
