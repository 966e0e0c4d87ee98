package com.sportsbook.runtime.compliance.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.TenantSlug;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.TestTenants;
import com.sportsbook.runtime.compliance.kyc.core.Actor;
import com.sportsbook.runtime.compliance.kyc.core.EnvelopeCipher;
import com.sportsbook.runtime.compliance.kyc.core.KycCommand;
import com.sportsbook.runtime.compliance.kyc.core.KycState;
import com.sportsbook.runtime.compliance.kyc.sandbox.SandboxKycProvider;
import com.sportsbook.runtime.payments.WithdrawalGate;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.tenancy.TenantSchemaMigrator;
import com.sportsbook.runtime.tenancy.TenantSeeder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * KYC inside one JVM with its real peers: PostgreSQL, s3proxy (in a class loader of its own) as the S3 the documents
 * go to, the sandbox provider answering by signed webhooks over HTTP to the brand's host, through a stand-in gateway
 * that signs the tenant headers as the real one does, into the runtime's webhook endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KycIT {

    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final String HOST = "kyc1.localhost";
    private static final BoundTenant TENANT = new BoundTenant(new TenantSlug("kyc1"), "main");
    private static final String BUCKET = "kyc-documents-test";
    private static final String MASTER_KEY_ID = "kyc-test-key-1";
    private static final InJvmS3Proxy S3 = InJvmS3Proxy.start();
    private static final PlatformStub PLATFORM = platform();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static PlatformStub platform() {
        try {
            return new PlatformStub("kyc1", "main", HOST);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", DATABASE::user);
        registry.add("spring.datasource.password", DATABASE::password);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "8");
        registry.add("runtime.tenancy.upgrade-on-startup", () -> "false");
        registry.add("runtime.tenancy.directory-refresh", () -> "1h");
        registry.add("runtime.tenancy.control-plane-url", () -> PLATFORM.url().toString());
        registry.add("runtime.tenancy.gateway-signing-secret", () -> PlatformStub.SIGNING_SECRET);
        registry.add("runtime.identity.keycloak-url", () -> PLATFORM.url().toString());
        registry.add("runtime.compliance.kyc.s3.endpoint", () -> S3.endpoint().toString());
        registry.add("runtime.compliance.kyc.s3.bucket", () -> BUCKET);
        registry.add("runtime.compliance.kyc.s3.access-key", () -> InJvmS3Proxy.ACCESS_KEY);
        registry.add("runtime.compliance.kyc.s3.secret-key", () -> InJvmS3Proxy.SECRET_KEY);
        registry.add("runtime.compliance.kyc.encryption.master-key-id", () -> MASTER_KEY_ID);
        registry.add("runtime.compliance.kyc.encryption.master-key", () -> Base64.getEncoder().encodeToString(masterKey));
        registry.add("runtime.compliance.kyc.documents.max-size", () -> "64KB");
        registry.add("runtime.compliance.kyc.sandbox.webhook-target", () -> PLATFORM.url().toString());
        registry.add("runtime.compliance.kyc.sandbox.verdict-after", () -> "200ms");
        registry.add("runtime.compliance.kyc.sandbox.duplicate-probability", () -> "0");
        registry.add("runtime.compliance.kyc.expiry-check-interval", () -> "1h");
    }

    /** The brand's rule, fixed here: the effective rules themselves come from the control plane (tested there). */
    @TestConfiguration
    static class BeforeWithdrawal {
        @Bean
        @Primary
        KycPolicy beforeWithdrawalForTheTest() {
            return brand -> new KycPolicy.Requirement(KycPolicy.Timing.BEFORE_WITHDRAWAL, Map.of(),
                    "The rules of MT require your identity to be verified before the first withdrawal.");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    KycDocuments documents;

    @Autowired
    KycSubmissions submissions;

    @Autowired
    KycCases cases;

    @Autowired
    KycStatus status;

    @Autowired
    KycExpiry expiry;

    @Autowired
    WithdrawalGate withdrawalGate;

    @Autowired
    KycProvider provider;

    @Autowired
    KycSettings settings;

    @Autowired
    TenantSchemaMigrator migrator;

    @Autowired
    List<TenantSeeder> seeders;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    private S3Client s3;

    @BeforeAll
    void aTenantBehindTheGateway() {
        TestTenants.provision(TENANT, migrator, seeders, transactions);
        PLATFORM.forwardTo(URI.create("http://127.0.0.1:" + port));
        // a raw S3 client of our own, to read and overwrite objects behind the runtime's back
        s3 = S3Client.builder().endpointOverride(S3.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(InJvmS3Proxy.ACCESS_KEY,
                        InJvmS3Proxy.SECRET_KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    @AfterAll
    void stopPeers() throws Exception {
        s3.close();
        PLATFORM.close();
        S3.close();
    }

    // --- fixtures ---------------------------------------------------------------------------------------------

    private <T> T in(Supplier<T> work) {
        return TestTenants.inTransaction(TENANT, transactions, work);
    }

    private <T> T bound(Supplier<T> work) {
        return TenantContext.callAs(TENANT, work);
    }

    private UUID aPlayer(String firstName, String lastName) {
        UUID id = UUID.randomUUID();
        in(() -> JdbcClient.create(dataSource).sql("""
                INSERT INTO player (id, identity_user_id, brand_slug, email, first_name, last_name, date_of_birth, country,
                  currency, status, created_at, updated_at) VALUES (?, ?, 'main', ?, ?, ?, ?, 'MT', 'EUR', 'active', ?, ?)""")
                .params(id, UUID.randomUUID().toString(), id + "@example.com", firstName, lastName, LocalDate.of(1990, 5, 17),
                        Timestamp.from(Instant.now()), Timestamp.from(Instant.now())).update());
        return id;
    }

    private static byte[] aPdf(String text) {
        return ("%PDF-1.7\n" + text + "\n%%EOF").getBytes(StandardCharsets.UTF_8);
    }

    private KycDocuments.DocumentView upload(UUID player, String type, byte[] content) {
        KycDocuments.Upload upload = bound(() -> documents.upload(player, "main", type, type + ".pdf", "application/pdf", content));
        assertThat(upload).isInstanceOf(KycDocuments.Upload.Stored.class);
        return ((KycDocuments.Upload.Stored) upload).document();
    }

    private String submit(UUID player) {
        KycSubmissions.Result result = bound(() -> submissions.submit(player));
        assertThat(result).isInstanceOf(KycSubmissions.Result.Submitted.class);
        return ((KycSubmissions.Result.Submitted) result).providerReference();
    }

    private KycCases.CaseRow caseOf(UUID player) {
        return in(() -> cases.byPlayer(player)).orElseThrow();
    }

    private List<KycCases.HistoryLine> history(UUID player) {
        return in(() -> cases.history(caseOf(player).id()));
    }

    private KycState awaitState(UUID player, KycState wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        KycState now = bound(() -> status.of(player)).state();
        while (now != wanted && System.nanoTime() < deadline) {
            Thread.sleep(50);
            now = bound(() -> status.of(player)).state();
        }
        return now;
    }

    private HttpResponse<String> webhook(byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(PLATFORM.url().resolve("/api/v1/kyc/webhooks/sandbox"))
                .header("Host", HOST).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(SandboxKycProvider.SIGNATURE_HEADER, signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String completedPayload(UUID player) {
        return in(() -> JdbcClient.create(dataSource).sql("""
                SELECT payload FROM kyc_webhook_event WHERE case_id = ? AND type = 'verification.completed'""")
                .param(caseOf(player).id()).query(String.class).single());
    }

    // --- documents --------------------------------------------------------------------------------------------

    @Test
    void anUploadedDocumentIsOnlyCiphertextInS3AndOpensForAnOfficerAsTheSameBytesWithTheReadRecorded() {
        UUID player = aPlayer("Grace", "Hopper");
        byte[] passport = aPdf("PASSPORT Grace Brewster Hopper P<USAHOPPER<<GRACE 1906-12-09");

        KycDocuments.DocumentView stored = upload(player, "passport", passport);
        Map<String, Object> record = in(() -> JdbcClient.create(dataSource).sql("""
                SELECT bucket, object_key, key_id, iv, wrapped_key, sha256 FROM kyc_document WHERE id = ?""")
                .param(stored.id()).query().singleRow());
        byte[] raw = s3.getObjectAsBytes(get -> get.bucket(BUCKET).key((String) record.get("object_key"))).asByteArray();
        KycDocuments.Download read = bound(() -> documents.download(caseOf(player).id(), stored.id(), Actor.officer("officer.olga")));

        assertThat(record.get("bucket")).isEqualTo(BUCKET);
        assertThat((String) record.get("object_key")).startsWith("kyc1/kyc/" + player + "/");
        assertThat(record.get("key_id")).isEqualTo(MASTER_KEY_ID);
        assertThat((byte[]) record.get("iv")).hasSize(12);
        assertThat((byte[]) record.get("wrapped_key")).hasSize(48);
        assertThat(record.get("sha256")).isEqualTo(EnvelopeCipher.sha256(passport)).isEqualTo(stored.sha256());
        assertThat(raw).isNotEqualTo(passport).hasSize(passport.length + 16);
        assertThat(new String(raw, StandardCharsets.ISO_8859_1)).doesNotContain("PASSPORT", "Hopper", "%PDF");
        assertThat(read).isInstanceOfSatisfying(KycDocuments.Download.File.class,
                file -> assertThat(file.content()).isEqualTo(passport));
        assertThat(history(player)).extracting(KycCases.HistoryLine::action)
                .containsExactly("documents_requested", "document_uploaded", "document_viewed");
        assertThat(history(player).getLast().actor()).isEqualTo("officer.olga");
        assertThat(history(player).getLast().actorKind()).isEqualTo("officer");
    }

    @Test
    void aDocumentWhoseCiphertextWasTamperedWithInS3DoesNotOpenAndTheAttemptIsRecorded() {
        UUID player = aPlayer("Alan", "Turing");
        KycDocuments.DocumentView stored = upload(player, "id_card", aPdf("IDENTITY CARD Alan Mathison Turing"));
        String key = in(() -> JdbcClient.create(dataSource).sql("SELECT object_key FROM kyc_document WHERE id = ?")
                .param(stored.id()).query(String.class).single());
        byte[] raw = s3.getObjectAsBytes(get -> get.bucket(BUCKET).key(key)).asByteArray();
        raw[raw.length / 2] ^= 0x20;
        s3.putObject(put -> put.bucket(BUCKET).key(key), RequestBody.fromBytes(raw));

        KycDocuments.Download read = bound(() -> documents.download(caseOf(player).id(), stored.id(), Actor.officer("officer.olga")));

        assertThat(read).isInstanceOfSatisfying(KycDocuments.Download.Refused.class, refused -> {
            assertThat(refused.code()).isEqualTo("document_unreadable");
            assertThat(refused.status()).isEqualTo(409);
        });
        assertThat(history(player).getLast().action()).isEqualTo("document_unreadable");
    }

    @Test
    void documentsOfAnUnknownTypeAWrongContentTypeAForgedSignatureOrTooLargeAreRefusedAndNothingIsStored() {
        UUID player = aPlayer("Mallory", "Upload");
        byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};
        byte[] large = aPdf("x".repeat(70 * 1024));

        List<KycDocuments.Upload> answers = bound(() -> List.of(
                documents.upload(player, "main", "selfie", "a.pdf", "application/pdf", aPdf("me")),
                documents.upload(player, "main", "passport", "a.txt", "text/plain", "passport".getBytes(StandardCharsets.UTF_8)),
                documents.upload(player, "main", "passport", "a.pdf", "application/pdf", png),
                documents.upload(player, "main", "passport", "a.pdf", "application/pdf", large),
                documents.upload(player, "main", "passport", "a.pdf", "application/pdf", new byte[0])));

        assertThat(answers).allSatisfy(answer -> assertThat(answer).isInstanceOf(KycDocuments.Upload.Refused.class));
        assertThat(answers).extracting(answer -> ((KycDocuments.Upload.Refused) answer).code()).containsExactly(
                "invalid_document_type", "unsupported_document_content_type", "document_content_mismatch", "document_too_large",
                "document_empty");
        assertThat(answers).extracting(answer -> ((KycDocuments.Upload.Refused) answer).status())
                .containsExactly(422, 415, 422, 413, 422);
        assertThat(in(() -> cases.byPlayer(player))).isEmpty();
    }

    // --- the sandbox provider, end to end ---------------------------------------------------------------------

    @Test
    void theSandboxVerifiesAPlayerBySignedWebhookTheWithdrawalGateOpensAndClosesAgainWhenTheExpiryJobEndsIt()
            throws InterruptedException {
        UUID player = aPlayer("Ada", "Lovelace");
        boolean gateBefore = bound(() -> withdrawalGate.kycVerified(player));
        upload(player, "passport", aPdf("PASSPORT Ada Lovelace"));
        upload(player, "proof_of_address", aPdf("UTILITY BILL 12 St James's Square, London"));

        String reference = submit(player);
        KycState reached = awaitState(player, KycState.VERIFIED);
        KycStatus.Standing verified = bound(() -> status.of(player));
        boolean gateWhileVerified = bound(() -> withdrawalGate.kycVerified(player));
        KycCases.CaseRow kase = caseOf(player);
        KycCases.Applied moved = in(() -> cases.apply(kase.id(), new KycCommand.SetExpiry(Instant.now().minusSeconds(1),
                "the passport was reported stolen"), Actor.officer("officer.olga")));
        boolean gateAfterExpiryPassedButBeforeTheJob = bound(() -> withdrawalGate.kycVerified(player));
        expiry.everyTenant();
        KycStatus.Standing expired = bound(() -> status.of(player));

        assertThat(gateBefore).isFalse();
        assertThat(reference).startsWith("sbx_kyc_");
        assertThat(reached).isEqualTo(KycState.VERIFIED);
        assertThat(verified.verified()).isTrue();
        assertThat(verified.expiresAt()).isBetween(Instant.now().plus(settings.reverificationPeriod()).minusSeconds(60),
                Instant.now().plus(settings.reverificationPeriod()));
        assertThat(gateWhileVerified).isTrue();
        assertThat(moved).isInstanceOf(KycCases.Applied.Moved.class);
        assertThat(gateAfterExpiryPassedButBeforeTheJob).as("an expired verification counts for nothing").isFalse();
        assertThat(expired.state()).isEqualTo(KycState.EXPIRED);
        assertThat(expired.verified()).isFalse();
        assertThat(bound(() -> withdrawalGate.kycVerified(player))).isFalse();
        List<KycCases.HistoryLine> lines = history(player);
        assertThat(lines).extracting(KycCases.HistoryLine::action).containsExactly("documents_requested", "document_uploaded",
                "document_uploaded", "submitted", "sent_to_provider", "approved", "expiry_set", "expired");
        KycCases.HistoryLine approved = lines.get(5);
        assertThat(approved.actorKind()).isEqualTo("provider");
        assertThat(approved.actor()).isEqualTo("sandbox");
        assertThat(approved.from()).isEqualTo("in_review");
        assertThat(approved.to()).isEqualTo("verified");
        assertThat(lines.getLast().actorKind()).isEqualTo("system");
        assertThat(lines.getLast().actor()).isEqualTo(KycExpiry.JOB);
        assertThat(caseOf(player).providerVerdict()).isEqualTo("approved");
        List<Map<String, Object>> audited = in(() -> JdbcClient.create(dataSource).sql(
                "SELECT kind, actor FROM audit_record WHERE subject_id = ? ORDER BY id").param(kase.id().toString()).query().listOfRows());
        assertThat(audited).extracting(row -> row.get("kind")).contains("kyc.approved", "kyc.expiry_set", "kyc.expired");
        assertThat(audited).filteredOn(row -> row.get("kind").equals("kyc.approved")).singleElement()
                .satisfies(row -> assertThat(row.get("actor")).isEqualTo("provider:sandbox"));
        assertThat(audited).filteredOn(row -> row.get("kind").equals("kyc.expiry_set")).singleElement()
                .satisfies(row -> assertThat(row.get("actor")).isEqualTo("officer.olga"));
    }

    @Test
    void aPlayerTheSandboxRejectsIsRejectedWithTheProvidersReasonAndMayStartAgainWithNewDocuments()
            throws InterruptedException {
        UUID player = aPlayer("Eve", "Rejectington");
        upload(player, "driving_licence", aPdf("DRIVING LICENCE Eve Rejectington"));
        upload(player, "proof_of_address", aPdf("BANK STATEMENT"));
        submit(player);

        KycState reached = awaitState(player, KycState.REJECTED);
        KycDocuments.DocumentView again = upload(player, "passport", aPdf("PASSPORT Eve Rejectington"));

        assertThat(reached).isEqualTo(KycState.REJECTED);
        List<KycCases.HistoryLine> lines = history(player);
        assertThat(lines).filteredOn(line -> line.action().equals("rejected")).singleElement()
                .satisfies(line -> assertThat(line.reason()).contains("document_not_matching"));
        assertThat(again.type()).isEqualTo("passport");
        assertThat(caseOf(player).state()).isEqualTo(KycState.PENDING);
        assertThat(lines.getLast().action()).isEqualTo("document_uploaded");
        assertThat(lines.get(lines.size() - 2).reason()).isEqualTo("resubmission after a rejection");
    }

    @Test
    void aNeedsReviewVerdictLeavesTheCaseInTheOfficersQueueUntilAnOfficerApproves() throws InterruptedException {
        UUID player = aPlayer("Ivan", "Reviewsky");
        upload(player, "passport", aPdf("PASSPORT Ivan Reviewsky"));
        upload(player, "proof_of_address", aPdf("UTILITY BILL"));
        submit(player);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!"needs_review".equals(caseOf(player).providerVerdict()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        KycCases.CaseRow referred = caseOf(player);
        List<UUID> queue = in(() -> cases.queue(KycState.IN_REVIEW, 500)).stream().map(KycCases.CaseRow::id).toList();
        KycCases.Applied approved = in(() -> cases.apply(referred.id(), new KycCommand.Approve(Instant.now().plus(Duration.ofDays(90)),
                "name variant checked against the passport"), Actor.officer("officer.olga")));

        assertThat(referred.state()).isEqualTo(KycState.IN_REVIEW);
        assertThat(referred.providerVerdict()).isEqualTo("needs_review");
        assertThat(queue).contains(referred.id());
        assertThat(history(player)).extracting(KycCases.HistoryLine::action).contains("referred");
        assertThat(approved).isInstanceOf(KycCases.Applied.Moved.class);
        assertThat(bound(() -> status.of(player)).verified()).isTrue();
        assertThat(history(player).getLast().actor()).isEqualTo("officer.olga");
    }

    @Test
    void aVerdictDeliveredTwiceIsAppliedOnceAndAForgedOrUnknownOneChangesNothing() throws Exception {
        UUID player = aPlayer("Tom", "Twice");
        upload(player, "passport", aPdf("PASSPORT Tom Twice"));
        upload(player, "proof_of_address", aPdf("UTILITY BILL"));
        submit(player);
        assertThat(awaitState(player, KycState.VERIFIED)).isEqualTo(KycState.VERIFIED);
        // the sandbox delivers a "Twice..." verdict a second time 200 ms later
        Thread.sleep(1_000);
        SandboxKycProvider sandbox = (SandboxKycProvider) provider;
        byte[] payload = completedPayload(player).getBytes(StandardCharsets.UTF_8);
        String rejected = new String(payload, StandardCharsets.UTF_8).replace("\"approved\"", "\"rejected\"");

        HttpResponse<String> replay = webhook(payload, sandbox.sign("kyc1", payload, Instant.now()));
        HttpResponse<String> forged = webhook(rejected.getBytes(StandardCharsets.UTF_8),
                sandbox.sign("kyc1", payload, Instant.now()));
        HttpResponse<String> unsigned = webhook(rejected.getBytes(StandardCharsets.UTF_8), null);
        HttpResponse<String> otherTenant = webhook(payload, sandbox.sign("another-tenant", payload, Instant.now()));
        byte[] unknown = new String(payload, StandardCharsets.UTF_8).replaceAll("sbx_kyc_[0-9a-f]+", "sbx_kyc_unknown")
                .replaceAll("evt_kyc_[0-9a-f]+", "evt_kyc_unknown").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> unknownReference = webhook(unknown, sandbox.sign("kyc1", unknown, Instant.now()));

        assertThat(in(() -> JdbcClient.create(dataSource).sql("""
                SELECT count(*) FROM kyc_webhook_event WHERE case_id = ? AND type = 'verification.completed'""")
                .param(caseOf(player).id()).query(Long.class).single())).isEqualTo(1);
        assertThat(history(player)).filteredOn(line -> line.action().equals("approved")).hasSize(1);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(replay.body()).get("result").asString()).isEqualTo("duplicate");
        for (HttpResponse<String> refused : List.of(forged, unsigned, otherTenant)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            JsonNode problem = JSON.readTree(refused.body());
            assertThat(problem.get("code").asString()).isEqualTo("webhook_signature_invalid");
        }
        assertThat(unknownReference.statusCode()).as("not acknowledged: the provider will deliver again").isEqualTo(404);
        assertThat(caseOf(player).state()).isEqualTo(KycState.VERIFIED);
        assertThat(history(player)).filteredOn(line -> line.action().equals("rejected")).isEmpty();
    }

    @Test
    void aVerdictForACaseAnOfficerAlreadyDecidedIsAcknowledgedButRefusedAsAValue() throws Exception {
        UUID player = aPlayer("Olive", "Oldfield");
        upload(player, "passport", aPdf("PASSPORT Olive Oldfield"));
        upload(player, "proof_of_address", aPdf("UTILITY BILL"));
        submit(player);
        assertThat(awaitState(player, KycState.VERIFIED)).isEqualTo(KycState.VERIFIED);
        KycCases.CaseRow kase = caseOf(player);
        SandboxKycProvider sandbox = (SandboxKycProvider) provider;
        byte[] late = ("{\"id\":\"evt_kyc_late_" + UUID.randomUUID().toString().replace("-", "") + "\",\"type\":"
                + "\"verification.completed\",\"created\":" + Instant.now().getEpochSecond() + ",\"data\":{\"reference\":\""
                + kase.providerReference() + "\",\"verdict\":\"rejected\",\"reason\":\"late\",\"documentExpiresOn\":null}}")
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = webhook(late, sandbox.sign("kyc1", late, Instant.now()));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).get("result").asString()).isEqualTo("ignored_illegal_transition");
        assertThat(caseOf(player).state()).isEqualTo(KycState.VERIFIED);
    }

    // --- the player's and the officers' APIs over HTTP, through the gateway with realm tokens ----------------------

    private HttpResponse<byte[]> call(String method, String path, String token, String contentType, byte[] body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(PLATFORM.url().resolve(path)).header("Host", HOST)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode json(HttpResponse<byte[]> response) {
        return JSON.readTree(response.body());
    }

    private static byte[] multipart(String boundary, String type, String fileName, String contentType, byte[] content) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n" + type + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n";
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[start.length + content.length + end.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(content, 0, all, start.length, content.length);
        System.arraycopy(end, 0, all, start.length + content.length, end.length);
        return all;
    }

    @Test
    void aPlayerUploadsAndSubmitsOverHttpAndAnOfficerReadsTheCaseAndTheDecryptedDocument() throws Exception {
        String subject = UUID.randomUUID().toString();
        UUID player = UUID.randomUUID();
        in(() -> JdbcClient.create(dataSource).sql("""
                INSERT INTO player (id, identity_user_id, brand_slug, email, first_name, last_name, date_of_birth, country,
                  currency, status, created_at, updated_at) VALUES (?, ?, 'main', ?, 'Hedy', 'Lamarr', ?, 'MT', 'EUR', 'active', ?, ?)""")
                .params(player, subject, player + "@example.com", LocalDate.of(1990, 11, 9), Timestamp.from(Instant.now()),
                        Timestamp.from(Instant.now())).update());
        String playerToken = PLATFORM.token(subject, "hedy", "player");
        String officerToken = PLATFORM.token(UUID.randomUUID().toString(), "officer.olga", "compliance-officer", "staff");
        String traderToken = PLATFORM.token(UUID.randomUUID().toString(), "trader.tim", "trader", "staff");
        byte[] passport = aPdf("PASSPORT Hedy Lamarr");
        byte[] bill = new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 'b', 'i', 'l', 'l'};

        HttpResponse<byte[]> anonymous = call("GET", "/api/v1/kyc", null, null, null);
        HttpResponse<byte[]> staffAsPlayer = call("GET", "/api/v1/kyc", officerToken, null, null);
        JsonNode before = json(call("GET", "/api/v1/kyc", playerToken, null, null));
        HttpResponse<byte[]> submitNothing = call("POST", "/api/v1/kyc/submission", playerToken, null, null);
        HttpResponse<byte[]> multipartUpload = call("POST", "/api/v1/kyc/documents", playerToken,
                "multipart/form-data; boundary=kyc-boundary", multipart("kyc-boundary", "passport", "passport.pdf",
                        "application/pdf", passport));
        HttpResponse<byte[]> notBase64 = call("POST", "/api/v1/kyc/documents", playerToken, "application/json",
                "{\"type\":\"proof_of_address\",\"contentType\":\"image/png\",\"content\":\"%%%\"}".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> emptyJson = call("POST", "/api/v1/kyc/documents", playerToken, "application/json",
                "{}".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> base64Upload = call("POST", "/api/v1/kyc/documents", playerToken, "application/json",
                ("{\"type\":\"proof_of_address\",\"fileName\":\"bill.png\",\"contentType\":\"image/png\",\"content\":\""
                        + Base64.getEncoder().encodeToString(bill) + "\"}").getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> submitted = call("POST", "/api/v1/kyc/submission", playerToken, null, null);
        assertThat(multipartUpload.statusCode()).as(new String(multipartUpload.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        assertThat(base64Upload.statusCode()).as(new String(base64Upload.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        KycState reached = awaitState(player, KycState.VERIFIED);
        JsonNode after = json(call("GET", "/api/v1/kyc", playerToken, null, null));
        UUID caseId = caseOf(player).id();
        HttpResponse<byte[]> playerAsOfficer = call("GET", "/api/v1/backoffice/compliance/kyc/cases", playerToken, null, null);
        HttpResponse<byte[]> traderAsOfficer = call("GET", "/api/v1/backoffice/compliance/kyc/cases", traderToken, null, null);
        JsonNode verifiedQueue = json(call("GET", "/api/v1/backoffice/compliance/kyc/cases?state=verified", officerToken, null, null));
        HttpResponse<byte[]> unknownState = call("GET", "/api/v1/backoffice/compliance/kyc/cases?state=happy", officerToken, null, null);
        JsonNode file = json(call("GET", "/api/v1/backoffice/compliance/kyc/cases/" + caseId, officerToken, null, null));
        String passportId = file.get("documents").get(0).get("id").asString();
        HttpResponse<byte[]> download = call("GET", "/api/v1/backoffice/compliance/kyc/cases/" + caseId + "/documents/" + passportId,
                officerToken, null, null);
        HttpResponse<byte[]> decideAgain = call("POST", "/api/v1/backoffice/compliance/kyc/cases/" + caseId + "/decision",
                officerToken, "application/json", "{\"decision\":\"reject\",\"reason\":\"second thoughts\"}".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> badExpiry = call("PUT", "/api/v1/backoffice/compliance/kyc/cases/" + caseId + "/expiry",
                officerToken, "application/json", "{\"expiresAt\":\"next tuesday\",\"reason\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> newExpiry = call("PUT", "/api/v1/backoffice/compliance/kyc/cases/" + caseId + "/expiry",
                officerToken, "application/json", "{\"expiresAt\":\"2031-01-31T00:00:00Z\",\"reason\":\"passport expires then\"}"
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(staffAsPlayer.statusCode()).isEqualTo(403);
        assertThat(before.get("state").asString()).isEqualTo("not_started");
        assertThat(before.get("requiredFor").get("timing").asString()).isEqualTo("before_withdrawal");
        assertThat(before.get("requiredFor").get("why").asString()).contains("before the first withdrawal");
        assertThat(before.get("documentsRequested").valueStream().map(JsonNode::asString).toList())
                .containsExactly("identity", "proof_of_address");
        assertThat(before.get("canSubmit").asBoolean()).isFalse();
        assertThat(submitNothing.statusCode()).isEqualTo(409);
        assertThat(multipartUpload.statusCode()).isEqualTo(201);
        assertThat(json(multipartUpload).get("sha256").asString()).isEqualTo(EnvelopeCipher.sha256(passport));
        assertThat(notBase64.statusCode()).isEqualTo(422);
        assertThat(emptyJson.statusCode()).isEqualTo(422);
        assertThat(json(emptyJson).get("code").asString()).isNotBlank();
        assertThat(base64Upload.statusCode()).isEqualTo(201);
        assertThat(json(base64Upload).get("type").asString()).isEqualTo("proof_of_address");
        assertThat(submitted.statusCode()).isEqualTo(202);
        assertThat(json(submitted).get("state").asString()).isEqualTo("in_review");
        assertThat(reached).isEqualTo(KycState.VERIFIED);
        assertThat(after.get("verified").asBoolean()).isTrue();
        assertThat(after.get("documents")).hasSize(2);
        assertThat(playerAsOfficer.statusCode()).isEqualTo(403);
        assertThat(traderAsOfficer.statusCode()).isEqualTo(403);
        assertThat(verifiedQueue.valueStream().map(node -> node.get("id").asString()).toList()).contains(caseId.toString());
        assertThat(unknownState.statusCode()).isEqualTo(422);
        assertThat(file.get("summary").get("state").asString()).isEqualTo("verified");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
        assertThat(download.body()).isEqualTo(passport);
        assertThat(decideAgain.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(decideAgain.body()).get("code").asString()).isEqualTo("illegal_transition");
        assertThat(badExpiry.statusCode()).isEqualTo(422);
        assertThat(newExpiry.statusCode()).isEqualTo(200);
        assertThat(json(newExpiry).get("summary").get("expiresAt").asString()).isEqualTo("2031-01-31T00:00:00Z");
        assertThat(history(player)).filteredOn(line -> line.action().equals("document_viewed")).singleElement()
                .satisfies(line -> assertThat(line.actor()).isEqualTo("officer.olga"));
    }
}
