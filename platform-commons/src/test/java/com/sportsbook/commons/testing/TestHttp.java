package com.sportsbook.commons.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP for tests, with the {@code Host} header settable (the gateway routes by it; the JVM must run with
 * {@code -Djdk.httpclient.allowRestrictedHeaders=host}, which the build sets).
 */
public final class TestHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final Map<String, Supplier<String>> defaultHeaders;

    public TestHttp(String baseUrl) {
        this(baseUrl, Map.of());
    }

    private TestHttp(String baseUrl, Map<String, Supplier<String>> defaultHeaders) {
        this.baseUrl = baseUrl;
        this.defaultHeaders = defaultHeaders;
    }

    /** The same server, with a header every request carries unless it sets its own (read per request). */
    public TestHttp withDefaultHeader(String name, Supplier<String> value) {
        Map<String, Supplier<String>> all = new LinkedHashMap<>(defaultHeaders);
        all.put(name, value);
        return new TestHttp(baseUrl, all);
    }

    public record Response(int status, Map<String, String> headers, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    public Request get(String path) {
        return new Request("GET", path, null);
    }

    public Request post(String path, String jsonBody) {
        return new Request("POST", path, jsonBody);
    }

    public Request put(String path, String jsonBody) {
        return new Request("PUT", path, jsonBody);
    }

    /** Any method, e.g. PATCH, with a JSON body (or none when null). */
    public Request request(String method, String path, String jsonBody) {
        return new Request(method, path, jsonBody);
    }

    public Request delete(String path) {
        return new Request("DELETE", path, null);
    }

    public final class Request {
        private final String method;
        private final String path;
        private final String body;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Request(String method, String path, String body) {
            this.method = method;
            this.path = path;
            this.body = body;
            if (body != null) {
                headers.put("Content-Type", "application/json");
            }
            defaultHeaders.forEach((name, value) -> headers.put(name, value.get()));
        }

        public Request host(String host) {
            return header("Host", host);
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Response send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(builder::header);
            try {
                HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                Map<String, String> responseHeaders = new LinkedHashMap<>();
                response.headers().map().forEach((name, values) -> responseHeaders.put(
                        name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
                return new Response(response.statusCode(), responseHeaders, response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
