package com.sportsbook.runtime;

import com.sportsbook.commons.TenantContextSignature;
import com.sportsbook.commons.TrustedHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls to a runtime started by a test, as the gateway forwards them: the tenant and brand signed with the gateway's
 * secret at the real time (the runtime checks it against its own clock, not a test's), a JSON body and the caller's
 * token, if any.
 */
public final class GatewayCalls {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An answer: its status, its body, the body as JSON when it is JSON (else null), and the raw response. */
    public record Response(int status, String body, JsonNode json, HttpResponse<String> raw) {
        public String code() {
            return json != null && json.has("code") ? json.get("code").asString() : null;
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final String tenant;
    private final TenantContextSignature signature;

    /** @param secret the gateway signing secret the runtime was started with */
    public GatewayCalls(int port, String tenant, String secret) {
        this.port = port;
        this.tenant = tenant;
        this.signature = new TenantContextSignature(secret, Duration.ofSeconds(60));
    }

    /** A request to the runtime on its own, with nothing signed; for {@link #send}. */
    public HttpRequest.Builder request(String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }

    /** A call on the brand's host with a JSON body (or none), the token (or none) and any further headers. */
    public Response call(String brand, String method, String path, String token, String body, Map<String, String> headers) {
        long issuedAt = Instant.now().getEpochSecond();
        HttpRequest.Builder request = request(method, path, body)
                .header(TrustedHeaders.TENANT_ID, tenant)
                .header(TrustedHeaders.BRAND_ID, brand)
                .header(TrustedHeaders.ISSUED_AT, Long.toString(issuedAt))
                .header(TrustedHeaders.SIGNATURE, signature.sign(tenant, brand, issuedAt))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return send(request);
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = response.body() == null || response.body().isBlank() || !contentType.contains("json") ? null
                    : JSON.readTree(response.body());
            return new Response(response.statusCode(), response.body(), json, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
