package com.sportsbook.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.TenantContextSignature;
import com.sportsbook.commons.TrustedHeaders;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class TrustedContextHeadersTest {

    private static final Instant NOW = Instant.parse("2026-11-26T20:00:00Z");
    private final TenantContextSignature signature = new TenantContextSignature("a-test-signing-secret-of-at-least-32-bytes", Duration.ofSeconds(60));
    private final TrustedContextHeaders headers = new TrustedContextHeaders(signature,
            new ClientAddress(List.of("10.0.0.0/8")), Clock.fixed(NOW, ZoneOffset.UTC));

    private static MockServerWebExchange spoofed() {
        return MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/bets")
                .header("x-tenant-id", "beta").header("X-BRAND-ID", "beta-main").header("X-Internal-Token", "guessed")
                .header("X-Tenant-Context-Signature", "forged").header("Authorization", "Bearer t").build());
    }

    @Test
    void aRuntimeCallCarriesOnlyTheTenantTheEdgeResolvedSigned() {
        MockServerWebExchange exchange = spoofed();
        exchange.getAttributes().put(TenantEdgeFilter.CONTEXT, new EdgeDecision.ToRuntime("alpha", "alpha-main"));

        HttpHeaders sent = headers.filter(exchange.getRequest().getHeaders(), exchange);

        assertThat(sent.get(TrustedHeaders.TENANT_ID)).containsExactly("alpha");
        assertThat(sent.get(TrustedHeaders.BRAND_ID)).containsExactly("alpha-main");
        assertThat(sent.get(TrustedHeaders.INTERNAL_TOKEN)).isNull();
        assertThat(signature.verify("alpha", "alpha-main", sent.getFirst(TrustedHeaders.ISSUED_AT),
                sent.getFirst(TrustedHeaders.SIGNATURE), NOW)).isTrue();
        assertThat(sent.getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer t");
    }

    @Test
    void aControlPlaneCallLosesEveryReservedHeaderAndGainsNone() {
        MockServerWebExchange exchange = spoofed();

        HttpHeaders sent = headers.filter(exchange.getRequest().getHeaders(), exchange);

        assertThat(sent.headerNames()).noneMatch(TrustedHeaders::isReserved);
        assertThat(sent.getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer t");
    }

    @Test
    void everyCallNamesTheClientTheGatewayServedAndNoAddressTheClientClaims() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/signups")
                .remoteAddress(new InetSocketAddress("198.51.100.23", 50_123))
                .header("X-Forwarded-For", "203.0.113.9, 10.0.0.1").build());

        HttpHeaders sent = headers.filter(exchange.getRequest().getHeaders(), exchange);

        assertThat(sent.get("X-Forwarded-For")).containsExactly("198.51.100.23");
    }

    @Test
    void anIpv6ClientIsNamedByItsAddressAlone() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/portal/")
                .remoteAddress(new InetSocketAddress("2001:db8::7", 443)).build());

        HttpHeaders sent = headers.filter(exchange.getRequest().getHeaders(), exchange);

        assertThat(sent.get("X-Forwarded-For")).containsExactly("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void theClientsHopByHopAndForwardingHeadersStopAtTheEdgeAndItsOthersPass() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/bets")
                .remoteAddress(new InetSocketAddress("198.51.100.23", 50_123))
                .header("Connection", "keep-alive, X-Session-Hint").header("X-Session-Hint", "hop")
                .header("Keep-Alive", "timeout=5").header("TE", "trailers").header("Trailer", "X-Checksum")
                .header("Upgrade", "h2c").header("Proxy-Authorization", "Basic c2VjcmV0")
                .header("Proxy-Authenticate", "Basic").header("X-Application-Context", "app")
                .header("Forwarded", "for=203.0.113.9;host=evil.example").header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "http").header("X-Forwarded-Port", "1").header("X-Forwarded-Prefix", "/x")
                .header("Authorization", "Bearer t").header("Idempotency-Key", "k-1").header("Accept", "application/json")
                .header("Content-Type", "application/json").build());

        HttpHeaders sent = headers.filter(exchange.getRequest().getHeaders(), exchange);

        assertThat(sent.headerNames()).containsExactlyInAnyOrder("Authorization", "Idempotency-Key", "Accept",
                "Content-Type", "X-Forwarded-For");
        assertThat(sent.get("X-Forwarded-For")).containsExactly("198.51.100.23");
        assertThat(sent.getFirst("Idempotency-Key")).isEqualTo("k-1");
    }

    @Test
    void aHeaderNamedInConnectionStopsWhateverItsCaseAndPlaceInTheList() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/sports")
                .header("Connection", "close").header("Connection", " x-a , X-B,,").header("X-A", "1").header("x-b", "2")
                .header("X-C", "3").build());

        HttpHeaders sent = headers.filter(exchange.getRequest().getHeaders(), exchange);

        assertThat(sent.headerNames()).containsExactly("X-C");
    }

    @Test
    void behindTheDeploymentsOwnBalancerTheClientIsTheOneTheBalancerNames() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/bets")
                .remoteAddress(new InetSocketAddress("10.0.0.9", 40_000))
                .header("X-Forwarded-For", "192.0.2.1, 198.51.100.23").build());

        HttpHeaders sent = headers.filter(exchange.getRequest().getHeaders(), exchange);

        assertThat(sent.get("X-Forwarded-For")).as("the balancer appended the address it was called from")
                .containsExactly("198.51.100.23");
    }
}
