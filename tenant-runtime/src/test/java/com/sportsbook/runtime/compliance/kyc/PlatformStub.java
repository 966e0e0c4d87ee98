package com.sportsbook.runtime.compliance.kyc;

import com.sportsbook.commons.TenantContextSignature;
import com.sportsbook.commons.TenantSlug;
import com.sportsbook.commons.TrustedHeaders;
import com.sportsbook.commons.identity.TenantRealm;
import com.sportsbook.commons.routing.BrandRoute;
import com.sportsbook.commons.routing.RoutingSnapshot;
import com.sportsbook.commons.routing.TenantRoute;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rest of the platform as the runtime meets it, in one small HTTP server: the control plane's routing directory
 * ({@code /internal/v1/routing}: one active tenant with one brand), the tenant's identity realm (its JWKS, and
 * {@link #token} mints RS256 tokens as Keycloak would, with realm roles) and the gateway (every other path: the
 * brand's host resolved to its tenant, the request forwarded to the runtime with the signed tenant headers). The
 * sandbox provider's webhooks thus reach the runtime as they do in production: to the brand's host, through the edge.
 */
final class PlatformStub implements AutoCloseable {

    static final String SIGNING_SECRET = "kyc-test-gateway-signing-secret-of-32-bytes-or-more";
    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "transfer-encoding",
            "upgrade", "expect");

    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final TenantContextSignature signature = new TenantContextSignature(SIGNING_SECRET, Duration.ofSeconds(60));
    private final String tenant;
    private final String brand;
    private final String host;
    private final byte[] routing;
    private volatile URI runtime;
    private final RSAKey realmKey;

    PlatformStub(String tenant, String brand, String host) throws IOException {
        this.tenant = tenant;
        this.brand = brand;
        this.host = host;
        this.routing = JsonMapper.builder().build().writeValueAsBytes(new RoutingSnapshot(1,
                List.of(new TenantRoute(tenant, "active", new TenantSlug(tenant).schema().name(), "default")),
                List.of(new BrandRoute(brand, tenant, "KYC Test Bet", List.of(host), "EUR", List.of("EUR"), List.of("en"),
                        List.of("MT"), 18, Map.of()))));
        try {
            this.realmKey = new RSAKeyGenerator(2048).keyID("kyc-test-realm").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/internal/v1/routing", this::routing);
        server.createContext("/realms/" + TenantRealm.nameOf(tenant) + "/protocol/openid-connect/certs", this::keys);
        server.createContext("/", this::forward);
        // the gateway waits on the runtime while the runtime asks the realm for its keys: never one thread for both
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void forwardTo(URI runtime) {
        this.runtime = runtime;
    }

    /** A token of the tenant's realm, as Keycloak issues them: realm roles under {@code realm_access.roles}. */
    String token(String subject, String username, String... roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(TenantRealm.issuerOf(url(), tenant)).subject(subject)
                .claim("preferred_username", username).claim("realm_access", Map.of("roles", List.of(roles)))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(realmKey.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(realmKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private void keys(HttpExchange exchange) throws IOException {
        byte[] body = new JWKSet(realmKey.toPublicJWK()).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private void routing(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("ETag", "\"1\"");
        exchange.sendResponseHeaders(200, routing.length);
        exchange.getResponseBody().write(routing);
        exchange.close();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String calledHost = exchange.getRequestHeaders().getFirst("Host");
            if (runtime == null || calledHost == null || !calledHost.split(":")[0].equals(host)) {
                exchange.sendResponseHeaders(runtime == null ? 503 : 404, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            long issuedAt = Instant.now().getEpochSecond();
            HttpRequest.Builder request = HttpRequest.newBuilder(runtime.resolve(exchange.getRequestURI().toString()))
                    .timeout(Duration.ofSeconds(10))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (!HOP_BY_HOP.contains(lower) && !TrustedHeaders.isReserved(lower)) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            request.header(TrustedHeaders.TENANT_ID, tenant)
                    .header(TrustedHeaders.BRAND_ID, brand)
                    .header(TrustedHeaders.ISSUED_AT, Long.toString(issuedAt))
                    .header(TrustedHeaders.SIGNATURE, signature.sign(tenant, brand, issuedAt));
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                exchange.getResponseBody().write(answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
