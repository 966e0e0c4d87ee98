package com.sportsbook.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * What a backend receives of a client's request through the real gateway, and what the client receives of a backend's
 * answer: each request's headers are copied once, by the gateway's own filter, which also does the work of Spring Cloud
 * Gateway's hop-by-hop and forwarding filters (taken out, {@link OneCopyOfRequestHeaders}), and names the client to the
 * backend, behind a trusted load balancer too ({@link ClientAddress}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProxiedHeadersIT {

    /** The header names the backend last received, in lower case, and the client it was told of. */
    private static final AtomicReference<List<String>> RECEIVED = new AtomicReference<>(List.of());
    private static final AtomicReference<String> FORWARDED_FOR = new AtomicReference<>();
    private static final DisposableServer BACKEND = HttpServer.create().host("127.0.0.1").port(0)
            .handle((request, response) -> {
                List<String> names = new ArrayList<>();
                request.requestHeaders().names().forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
                RECEIVED.set(names);
                FORWARDED_FOR.set(String.join(" | ", request.requestHeaders().getAll("X-Forwarded-For")));
                return response.header("Content-Type", "application/json").header("Keep-Alive", "timeout=5")
                        .header("Proxy-Authenticate", "Basic realm=\"backend\"").header("X-Application-Context", "runtime")
                        .header("X-Backend", "kept").sendString(Mono.just("{}"));
            })
            .bindNow(Duration.ofSeconds(10));

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        OneLocalBackend.register(registry, BACKEND.port());
        // the deployment's load balancer, as the test's client calling from 127.0.0.2
        registry.add("gateway.trusted-proxies", () -> "127.0.0.2/32");
    }

    @AfterAll
    static void stopBackend() {
        BACKEND.disposeNow();
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void theBackendGetsTheClientsEndToEndHeadersAndTheGatewaysAddressHeaderOnly() throws IOException {
        String answer = exchange("""
                GET /portal/x HTTP/1.1\r
                Host: platform.localhost\r
                Connection: close, X-Session-Hint\r
                X-Session-Hint: hop\r
                Keep-Alive: timeout=99\r
                TE: trailers\r
                Proxy-Authorization: Basic c2VjcmV0\r
                Forwarded: for=203.0.113.9;host=evil.example\r
                X-Forwarded-For: 203.0.113.9\r
                X-Forwarded-Host: evil.example\r
                X-Forwarded-Proto: http\r
                X-Tenant-Id: someone-else\r
                Accept: application/json\r
                X-Request-Note: kept\r
                \r
                """);

        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(RECEIVED.get()).contains("accept", "x-request-note", "x-forwarded-for", "host")
                .doesNotContain("x-session-hint", "keep-alive", "te", "proxy-authorization", "forwarded",
                        "x-forwarded-host", "x-forwarded-proto", "x-tenant-id");
    }

    @Test
    void theClientGetsTheBackendsAnswerWithoutItsHopByHopHeaders() throws IOException {
        String answer = exchange("GET /portal/x HTTP/1.1\r\nHost: platform.localhost\r\nConnection: close\r\n\r\n");

        List<String> names = Arrays.stream(answer.substring(0, answer.indexOf("\r\n\r\n")).split("\r\n")).skip(1)
                .map(line -> line.substring(0, line.indexOf(':')).toLowerCase(Locale.ROOT)).toList();
        assertThat(names).contains("x-backend", "content-type")
                .doesNotContain("keep-alive", "proxy-authenticate", "x-application-context");
    }

    @Test
    void eachRequestsHeadersAreCopiedByTheGatewaysOwnRequestFilterAlone() {
        assertThat(context.getBeansOfType(HttpHeadersFilter.class).values())
                .filteredOn(filter -> filter.supports(HttpHeadersFilter.Type.REQUEST))
                .extracting(filter -> filter.getClass().getSimpleName())
                // the normalization copies only a request that carries both Transfer-Encoding and Content-Length
                .containsExactlyInAnyOrder("TrustedContextHeaders", "TransferEncodingNormalizationHeadersFilter");
        assertThat(context.getBeansOfType(HttpHeadersFilter.class).values())
                .filteredOn(filter -> filter.supports(HttpHeadersFilter.Type.RESPONSE))
                .extracting(filter -> filter.getClass().getSimpleName())
                .containsExactly("HopByHopResponseHeaders");
    }

    @Test
    void behindTheTrustedBalancerTheBackendIsToldOfTheClientTheBalancerNamesAndOtherwiseOfThePeer() throws IOException {
        String request = """
                GET /portal/x HTTP/1.1\r
                Host: platform.localhost\r
                Connection: close\r
                X-Forwarded-For: 192.0.2.66, 203.0.113.9\r
                \r
                """;

        assertThat(exchange(request, "127.0.0.2")).startsWith("HTTP/1.1 200");
        assertThat(FORWARDED_FOR.get()).as("the balancer appended the client it served").isEqualTo("203.0.113.9");

        assertThat(exchange(request, "127.0.0.1")).startsWith("HTTP/1.1 200");
        assertThat(FORWARDED_FOR.get()).as("a caller that is no balancer claims nothing").isEqualTo("127.0.0.1");
    }

    @Test
    void springCloudGatewaysOwnTrustedProxiesSettingStopsTheGatewaysStart() {
        String backend = "http://127.0.0.1:" + BACKEND.port();
        SpringApplicationBuilder gateway = new SpringApplicationBuilder(GatewayApplication.class).properties(
                "spring.cloud.gateway.server.webflux.trusted-proxies=10\\.0\\.0\\..*", "server.port=0",
                "management.server.port=0", "gateway.directory-refresh=1h", "gateway.control-plane-url=" + backend,
                "gateway.runtime-url=" + backend);

        assertThatThrownBy(gateway::run).as("it would swap the removing filters for adding ones, unreviewed")
                .hasStackTraceContaining("removeForwardedHeadersFilter").hasStackTraceContaining("gateway.trusted-proxies");
    }

    private String exchange(String request) throws IOException {
        return exchange(request, "127.0.0.1");
    }

    /** One request on a connection of its own, written as given (any header a client can send), and the whole answer. */
    private String exchange(String request, String from) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
