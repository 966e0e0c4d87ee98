package com.sportsbook.runtime;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sportsbook.commons.TenantSlug;
import com.sportsbook.commons.identity.TenantRealm;
import com.sportsbook.commons.routing.BrandRoute;
import com.sportsbook.commons.routing.RoutingSnapshot;
import com.sportsbook.commons.routing.TenantRoute;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The control plane as a runtime started inside a test meets it, in one small in-JVM HTTP server: the routing
 * directory ({@code GET /internal/v1/routing}) with the tenants and brands tests provisioned, each tenant's effective
 * jurisdiction rules ({@code GET /internal/v1/tenants/{tenant}/rules}) built from the bundled packs of
 * {@code tenant-templates/jurisdictions/} with the tenant's overrides, and, for tests that call the runtime over HTTP,
 * the tenant realms' signing keys ({@code /realms/{realm}/protocol/openid-connect/certs}) with {@link #token} minting
 * tokens as Keycloak would. One per JVM, shared by every test context.
 *
 * <p>A brand provisioned by {@link TestTenants#provision} gets {@link #TEST_JURISDICTION}: Malta's pack with the
 * three rules that would change what the older tests exercise made lenient (no deposit limit required before a
 * deposit, identity verified only before a withdrawal, no in-play delay beyond the tenant's own). This is a tenant
 * override a real control plane would refuse (looser than the pack); tests of the jurisdictions' own values use
 * {@link #brand} with the real packs. Tenants are listed as provisioning, so no background work of the runtime
 * runs for them until a test calls {@link #activate}.
 */
public final class LocalControlPlane {

    public static final String TEST_JURISDICTION = "MT";

    /** The overrides that make {@link #TEST_JURISDICTION} lenient for tests that are not about the rules. */
    public static final Map<String, Object> LENIENT = Map.of("mandatoryDepositLimitAtRegistration", false,
            "kycTiming", "before_withdrawal", "betDelaySecondsInPlay", 0);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static volatile LocalControlPlane instance;

    private record Brand(String slug, String tenant, List<String> jurisdictions, String currency) {
    }

    private final HttpServer server;
    private final AtomicLong version = new AtomicLong(1);
    private final Map<String, String> tenantStatus = new ConcurrentHashMap<>();
    private final Map<String, Brand> brands = new ConcurrentHashMap<>();
    /** Per tenant and jurisdiction: rule key to effective value, over the pack's. */
    private final Map<String, Map<String, Map<String, Object>>> overrides = new ConcurrentHashMap<>();
    private final RSAKey realmKey;

    private LocalControlPlane() {
        try {
            realmKey = new RSAKeyGenerator(2048).keyID("local-realm").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/internal/v1/routing", exchange -> answer(exchange, 200, JSON.writeValueAsBytes(snapshot())));
        server.createContext("/internal/v1/tenants/", this::rules);
        server.createContext("/realms/", exchange -> answer(exchange, 200,
                new JWKSet(realmKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8)));
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** The JVM's local control plane, started on first use. */
    public static LocalControlPlane get() {
        LocalControlPlane current = instance;
        if (current == null) {
            synchronized (LocalControlPlane.class) {
                if (instance == null) {
                    instance = new LocalControlPlane();
                }
                current = instance;
            }
        }
        return current;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * The tenant and its brand as provisioning leaves them (unless already registered): the brand in EUR with the
     * lenient {@link #TEST_JURISDICTION}.
     */
    public void provisioned(String tenant, String brand) {
        tenantStatus.putIfAbsent(tenant, "provisioning");
        overrides.computeIfAbsent(tenant, key -> new ConcurrentHashMap<>())
                .computeIfAbsent(TEST_JURISDICTION, key -> new ConcurrentHashMap<>(LENIENT));
        if (brand != null) {
            brands.putIfAbsent(brand, new Brand(brand, tenant, List.of(TEST_JURISDICTION), "EUR"));
        }
        version.incrementAndGet();
    }

    /** A brand of the tenant under the given jurisdictions' packs as shipped (plus any {@link #override}). */
    public void brand(String tenant, String brand, String currency, String... jurisdictions) {
        tenantStatus.putIfAbsent(tenant, "provisioning");
        brands.put(brand, new Brand(brand, tenant, List.of(jurisdictions), currency));
        version.incrementAndGet();
    }

    /** The tenant's effective value of one rule of a jurisdiction (a pack value, as JSON), over the pack's. */
    public void override(String tenant, String jurisdiction, String rule, Object value) {
        overrides.computeIfAbsent(tenant, key -> new ConcurrentHashMap<>())
                .computeIfAbsent(jurisdiction, key -> new ConcurrentHashMap<>()).put(rule, value);
    }

    /** The tenant serves traffic from now on: the runtime admits its requests and runs its background work. */
    public void activate(String tenant) {
        tenantStatus.put(tenant, "active");
        version.incrementAndGet();
    }

    /** A token of the tenant's realm as Keycloak issues them: a sign-in session ({@code sid}) and realm roles. */
    public String token(String tenant, String subject, String username, String sessionId, String... roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(TenantRealm.issuerOf(URI.create(url()), tenant))
                .subject(subject).claim("preferred_username", username).claim("sid", sessionId)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(realmKey.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(realmKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private RoutingSnapshot snapshot() {
        List<TenantRoute> tenants = tenantStatus.entrySet().stream()
                .map(entry -> new TenantRoute(entry.getKey(), entry.getValue(), new TenantSlug(entry.getKey()).schema().name(), "main"))
                .toList();
        List<BrandRoute> routes = brands.values().stream()
                .map(brand -> new BrandRoute(brand.slug(), brand.tenant(), "Test " + brand.slug(), List.of(brand.slug() + ".localhost"),
                        brand.currency(), List.of(brand.currency()), List.of("en"), brand.jurisdictions(),
                        brand.jurisdictions().stream().mapToInt(code -> ((Number) values(brand.tenant(), code).get("minimumAge")).intValue())
                                .max().orElse(18), Map.of()))
                .toList();
        return new RoutingSnapshot(version.get(), tenants, routes);
    }

    private void rules(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        // /internal/v1/tenants/{tenant}/rules
        if (path.length != 6 || !"rules".equals(path[5]) || !tenantStatus.containsKey(path[4])) {
            answer(exchange, 404, "{}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String tenant = path[4];
        Map<String, List<String>> tenantBrands = new LinkedHashMap<>();
        Set<String> codes = new LinkedHashSet<>();
        // a brand slug provisioned by several test tenants ("main") belongs to the first; they all share its rules
        brands.values().stream().filter(brand -> brand.tenant().equals(tenant)).forEach(brand -> {
            tenantBrands.put(brand.slug(), brand.jurisdictions());
            codes.addAll(brand.jurisdictions());
        });
        List<Map<String, Object>> jurisdictions = new ArrayList<>();
        for (String code : codes) {
            JsonNode pack = pack(code);
            Map<String, Object> rules = new LinkedHashMap<>();
            values(tenant, code).forEach((rule, value) -> {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("pack", value);
                document.put("source", "the bundled pack");
                document.put("override", null);
                document.put("effective", value);
                document.put("overridable", true);
                document.put("stricterMeans", "see the rule's kind");
                rules.put(rule, document);
            });
            Map<String, Object> jurisdiction = new LinkedHashMap<>();
            jurisdiction.put("code", code);
            jurisdiction.put("name", pack.get("name").asString());
            jurisdiction.put("regulator", pack.get("regulator").asString());
            jurisdiction.put("currency", pack.get("currency").asString());
            jurisdiction.put("packVersion", pack.get("version").asString());
            jurisdiction.put("adoptedAt", "2026-01-01T00:00:00Z");
            jurisdiction.put("rules", rules);
            jurisdictions.add(jurisdiction);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("tenant", tenant);
        document.put("ruleVersion", 0);
        document.put("brands", tenantBrands);
        document.put("jurisdictions", jurisdictions);
        answer(exchange, 200, JSON.writeValueAsBytes(document));
    }

    /** The pack's rule values with the tenant's overrides. */
    private Map<String, Object> values(String tenant, String code) {
        Map<String, Object> values = new LinkedHashMap<>();
        pack(code).get("rules").properties().forEach(rule ->
                values.put(rule.getKey(), JSON.convertValue(rule.getValue().get("value"), Object.class)));
        values.putAll(overrides.getOrDefault(tenant, Map.of()).getOrDefault(code, Map.of()));
        return values;
    }

    private static final Map<String, JsonNode> PACKS = new ConcurrentHashMap<>();

    private static JsonNode pack(String code) {
        return PACKS.computeIfAbsent(code, key -> {
            try {
                return JSON.readTree(Files.readString(Path.of("..", "tenant-templates", "jurisdictions", key + ".json")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
