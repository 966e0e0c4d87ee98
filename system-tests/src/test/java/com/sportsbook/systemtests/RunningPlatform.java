package com.sportsbook.systemtests;

import com.sportsbook.commons.identity.PlatformRealm;
import com.sportsbook.commons.testing.FreePorts;
import com.sportsbook.commons.testing.RealmAccounts;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestHttp;
import com.sportsbook.commons.testing.TestKeycloak;
import com.sportsbook.commons.testing.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * The whole platform on this machine: control plane, tenant runtime and gateway as three JVMs on free ports, against
 * one fresh PostgreSQL database. The runtime's pool holds a single connection, so every request of every tenant in
 * these tests shares it.
 */
final class RunningPlatform implements AutoCloseable {

    static final String INTERNAL_TOKEN = "system-test-internal-token-0123456789";
    static final String SIGNING_SECRET = "system-test-gateway-signing-secret-0123456789";
    static final String PLATFORM_HOST = "platform.localhost";
    static final String SANDBOX_PSP_SECRET = "system-test-sandbox-psp-secret-0123456789";

    final int gatewayPort = FreePorts.take();
    final int controlPlanePort = FreePorts.take();
    final int runtimePort = FreePorts.take();
    final ServiceProcess controlPlane;
    final ServiceProcess runtime;
    final ServiceProcess gateway;
    final TestKeycloak.Server keycloak;
    /** The platform's database, for benchmarks that look into a tenant's schema (tests go through the API). */
    final TestDatabase database;
    private final LocalS3Proxy s3;
    /** The SMTP server the control plane sends its mails to (signup verification), read by the tests. */
    final com.icegreen.greenmail.util.GreenMail mail;
    private final Path measurements;
    private final Path runtimeJar;
    private final Map<String, String> runtimeEnvironment;
    private RealmAccounts accounts;

    RunningPlatform() {
        this(1);
    }

    /** @param runtimePool the runtime's database connections (1 in the functional tests: every request shares one) */
    RunningPlatform(int runtimePool) {
        this(runtimePool, Map.of());
    }

    /**
     * @param extra environment for every service on top of the platform's own (a test that wants a real Unleash
     *              passes {@code UNLEASH_*}; no service sees the machine's)
     */
    RunningPlatform(int runtimePool, Map<String, String> extra) {
        Path root = repositoryRoot();
        String version = System.getProperty("platform.version", "0.1.0-SNAPSHOT");
        Path logs = Path.of("target", "system-logs");
        measurements = Path.of("target", "measurements", "system.txt");
        database = TestPostgres.freshDatabase();
        keycloak = TestKeycloak.server();
        Map<String, String> common = new HashMap<>(Map.of(
                "DATABASE_URL", database.jdbcUrl(),
                "DATABASE_USER", database.user(),
                "DATABASE_PASSWORD", database.password(),
                "PLATFORM_INTERNAL_TOKEN", INTERNAL_TOKEN,
                "GATEWAY_SIGNING_SECRET", SIGNING_SECRET,
                "CONTROL_PLANE_URL", "http://127.0.0.1:" + controlPlanePort,
                "TENANT_RUNTIME_URL", "http://127.0.0.1:" + runtimePort,
                "PLATFORM_HOSTS", PLATFORM_HOST));
        common.put("KEYCLOAK_URL", keycloak.url());
        common.putAll(extra);
        // an expired token is refused within a second (the services' default allows 30 s of clock drift)
        common.put("TOKEN_CLOCK_SKEW", "1s");
        // the sandbox PSP delivers its webhooks through this platform's gateway, signed with a key tests know
        common.put("GATEWAY_URL", "http://127.0.0.1:" + gatewayPort);
        common.put("SANDBOX_PSP_SIGNING_SECRET", SANDBOX_PSP_SECRET);
        // KYC documents (their ciphertext) go to a local s3proxy, as in the embedded mode
        s3 = LocalS3Proxy.start(root, FreePorts.take(), logs);
        common.put("KYC_S3_ENDPOINT", s3.endpoint());
        common.put("KYC_S3_ACCESS_KEY", LocalS3Proxy.IDENTITY);
        common.put("KYC_S3_SECRET_KEY", LocalS3Proxy.CREDENTIAL);
        // the control plane's mails go over real SMTP to a GreenMail in this JVM, where tests read them
        int smtpPort = FreePorts.take();
        mail = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(smtpPort, "127.0.0.1",
                com.icegreen.greenmail.util.ServerSetup.PROTOCOL_SMTP));
        mail.start();
        common.put("MAIL_EMBEDDED", "false");
        common.put("MAIL_HOST", "127.0.0.1");
        common.put("MAIL_PORT", Integer.toString(smtpPort));
        common.put("PORTAL_URL", "http://" + PLATFORM_HOST + ":" + gatewayPort + "/portal/");
        // only the control plane administers Keycloak; the runtime works as each tenant realm's service account
        controlPlane = new ServiceProcess("control-plane",
                root.resolve("control-plane/target/control-plane-" + version + "-exec.jar"),
                with(common, Map.of("CONTROL_PLANE_PORT", Integer.toString(controlPlanePort),
                        // the skin's sign-in redirects back to the brand host on this gateway's port
                        "GATEWAY_PORT", Integer.toString(gatewayPort),
                        "KEYCLOAK_ADMIN_USERNAME", keycloak.adminUsername(),
                        "KEYCLOAK_ADMIN_PASSWORD", keycloak.adminPassword(),
                        "KEYCLOAK_DIRECT_GRANT_FOR_TESTS", "true")),
                URI.create("http://127.0.0.1:" + controlPlanePort + "/actuator/health/readiness"), logs);
        // live changes travel over the machine's Redis (as between replicas in production) when it answers
        if (redisAnswers()) {
            common.put("REDIS_URL", "redis://127.0.0.1:6379");
            common.put("REDIS_CHANNEL", "system-test-" + java.util.UUID.randomUUID());
        }
        runtimeJar = root.resolve("tenant-runtime/target/tenant-runtime-" + version + "-exec.jar");
        runtimeEnvironment = Map.copyOf(common);
        runtime = new ServiceProcess("tenant-runtime", runtimeJar,
                with(common, Map.of("RUNTIME_PORT", Integer.toString(runtimePort), "RUNTIME_DB_POOL_SIZE", Integer.toString(runtimePool))),
                URI.create("http://127.0.0.1:" + runtimePort + "/actuator/health/readiness"), logs);
        int managementPort = FreePorts.take();
        gateway = new ServiceProcess("gateway",
                root.resolve("gateway/target/gateway-" + version + "-exec.jar"),
                with(common, Map.of("GATEWAY_PORT", Integer.toString(gatewayPort),
                        "GATEWAY_MANAGEMENT_PORT", Integer.toString(managementPort))),
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"), logs);
        record("database: " + database.kind() + ", live push bus: " + (common.containsKey("REDIS_URL") ? "Redis" : "in-process"));
    }

    /**
     * A platform started with one tenant's brand answering on {@code host}: what most of these test classes run
     * against. Stopped again when it does not come up, so a failed start leaves no processes behind.
     */
    static RunningPlatform withTenant(String slug, String host) {
        RunningPlatform platform = new RunningPlatform();
        try {
            platform.start();
            platform.provisionTenant(platform.accounts(), slug, host);
            return platform;
        } catch (RuntimeException | Error e) {
            try {
                platform.close();
            } catch (RuntimeException stopping) {
                e.addSuppressed(stopping);
            }
            throw e;
        }
    }

    /** The accounts of the platform's Keycloak realms (players, staff, platform staff), closed with the platform. */
    RealmAccounts accounts() {
        if (accounts == null) {
            accounts = new RealmAccounts(keycloak);
        }
        return accounts;
    }

    void start() {
        long started = System.nanoTime();
        controlPlane.start();
        runtime.start();
        gateway.start();
        controlPlane.awaitReady(started, Duration.ofSeconds(120));
        runtime.awaitReady(started, Duration.ofSeconds(120));
        gateway.awaitReady(started, Duration.ofSeconds(120));
        record("three services started in parallel, ready after: control plane %d ms, runtime %d ms, gateway %d ms"
                .formatted(controlPlane.lastStartup().toMillis(), runtime.lastStartup().toMillis(),
                        gateway.lastStartup().toMillis()));
    }

    void restartRuntime() {
        long started = System.nanoTime();
        runtime.start();
        runtime.awaitReady(started, Duration.ofSeconds(120));
    }

    /** Whether live changes travel between runtime replicas over Redis in this run. */
    boolean sharesLiveChangesOverRedis() {
        return runtimeEnvironment.containsKey("REDIS_URL");
    }

    /**
     * Another runtime replica on the same database, control plane and change bus, playing no feed (the first one
     * ingests), ready when this returns. The caller stops it.
     */
    Replica startRuntimeReplica() {
        int port = FreePorts.take();
        ServiceProcess replica = new ServiceProcess("tenant-runtime-replica", runtimeJar,
                with(runtimeEnvironment, Map.of("RUNTIME_PORT", Integer.toString(port), "RUNTIME_DB_POOL_SIZE", "2",
                        "TENANT_UPGRADE_ON_STARTUP", "false", "FEED_SOURCE", "none")),
                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"), Path.of("target", "system-logs"));
        long started = System.nanoTime();
        replica.start();
        replica.awaitReady(started, Duration.ofSeconds(120));
        return new Replica(replica, port);
    }

    /** A runtime replica started by a test. */
    record Replica(ServiceProcess process, int port) implements AutoCloseable {
        String url() {
            return "http://127.0.0.1:" + port;
        }

        @Override
        public void close() {
            process.stop();
        }
    }

    TestHttp edge() {
        return new TestHttp("http://127.0.0.1:" + gatewayPort);
    }

    TestHttp runtimeDirectly() {
        return new TestHttp("http://127.0.0.1:" + runtimePort);
    }

    /**
     * Signs up a tenant with one brand on {@code host} as the operator, and waits until the brand answers. Keycloak
     * is shared by every test class and by both passes of {@code scripts/test}: give each class its own slugs (a realm
     * another class shortened or disabled stays so).
     */
    void provisionTenant(RealmAccounts accounts, String slug, String host) {
        provisionTenant(accounts, slug, host, "demo");
    }

    /** The same with the brand dressed in one of the theme templates. */
    void provisionTenant(RealmAccounts accounts, String slug, String host, String theme) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> accounts.platformBearer(PlatformRealm.OPERATOR) != null);
        String request = """
                {"slug": "%s", "operator": {"name": "%s Ltd", "contactEmail": "ops@%s.test"},
                 "brand": {"name": "%s Bet", "hosts": ["%s"], "theme": "%s", "defaultCurrency": "EUR",
                           "currencies": ["EUR", "GBP"], "languages": ["en"], "jurisdictions": ["MT"]}}"""
                .formatted(slug, slug, slug, slug.substring(0, 1).toUpperCase() + slug.substring(1), host, theme);
        TestHttp.Response created = edge().post("/api/v1/tenants", request).host(PLATFORM_HOST)
                .header("Authorization", accounts.platformBearer(PlatformRealm.OPERATOR)).send();
        if (created.status() != 202) {
            throw new IllegalStateException("tenant " + slug + " not accepted: " + created.status() + " " + created.body());
        }
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> edge().get("/api/v1/brand").host(host).send().status() == 200);
    }

    void record(String line) {
        System.out.println(line);
        try {
            Files.createDirectories(measurements.getParent());
            Files.writeString(measurements, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (accounts != null) {
            accounts.close();
        }
        gateway.stop();
        runtime.stop();
        controlPlane.stop();
        s3.close();
        mail.stop();
    }

    private static Map<String, String> with(Map<String, String> common, Map<String, String> own) {
        Map<String, String> all = new HashMap<>(common);
        all.putAll(own);
        return all;
    }

    static Path repositoryRoot() {
        String fromBuild = System.getenv("PLATFORM_REPO_ROOT");
        Path root = fromBuild == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(fromBuild);
        if (!Files.isDirectory(root.resolve("control-plane"))) {
            throw new IllegalStateException("cannot find the repository root from " + root);
        }
        return root;
    }

    private static boolean redisAnswers() {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", 6379), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
