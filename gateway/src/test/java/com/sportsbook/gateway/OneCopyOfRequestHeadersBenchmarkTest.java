package com.sportsbook.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.TenantContextSignature;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveXForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.TransferEncodingNormalizationHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/**
 * The gateway's request headers with and without Spring Cloud Gateway's three request-header filters (ADR 0035): the
 * same headers reach the backend either way, and what the three cost per request. The timing runs with
 * {@code mvn -pl gateway test -Dtest=OneCopyOfRequestHeadersBenchmarkTest -Dheaders.benchmark=true}.
 */
class OneCopyOfRequestHeadersBenchmarkTest {

    private final TrustedContextHeaders ours = new TrustedContextHeaders(
            new TenantContextSignature("a-benchmark-signing-secret-of-at-least-32-bytes", Duration.ofSeconds(60)),
            new ClientAddress(List.of()), Clock.systemUTC());
    /** What Spring Cloud Gateway 5.0 applies by default, in its order, with ours last. */
    private final List<HttpHeadersFilter> before = sorted(List.of(new RemoveForwardedHeadersFilter(),
            new RemoveXForwardedHeadersFilter(), new RemoveHopByHopHeadersFilter(),
            new TransferEncodingNormalizationHeadersFilter(), ours));
    private final List<HttpHeadersFilter> now = sorted(List.of(new TransferEncodingNormalizationHeadersFilter(), ours));

    private static List<HttpHeadersFilter> sorted(List<HttpHeadersFilter> filters) {
        List<HttpHeadersFilter> list = new ArrayList<>(filters);
        list.sort(Comparator.comparingInt(filter -> ((Ordered) filter).getOrder()));
        return list;
    }

    /** A bet as the benchmark's load generator sends it through the gateway. */
    private static MockServerWebExchange aBet() {
        return exchange(MockServerHttpRequest.post("/api/v1/bets").header("Host", "bench.localhost")
                .header("Authorization", "Bearer " + "e".repeat(1100)).header("Idempotency-Key", "b7c1-42-17")
                .header("Content-Type", "application/json").header("Content-Length", "176"));
    }

    /** A client sending every kind of header the edge must stop. */
    private static MockServerWebExchange hostile() {
        return exchange(MockServerHttpRequest.post("/api/v1/bets").header("Host", "bench.localhost")
                .header("Connection", "keep-alive, X-Hint").header("X-Hint", "1").header("Keep-Alive", "timeout=5")
                .header("TE", "trailers").header("Trailer", "X-Sum").header("Upgrade", "h2c")
                .header("Proxy-Authorization", "Basic eA==").header("Proxy-Authenticate", "Basic")
                .header("X-Application-Context", "x").header("Forwarded", "for=6.6.6.6").header("FORWARDED", "by=x")
                .header("X-Forwarded-For", "6.6.6.6").header("X-Forwarded-Host", "evil").header("x-forwarded-proto", "http")
                .header("X-Forwarded-Port", "1").header("X-Forwarded-Prefix", "/p").header("X-Tenant-Id", "other")
                .header("x-internal-token", "t").header("Transfer-Encoding", "chunked").header("Content-Length", "3")
                .header("Authorization", "Bearer t").header("Accept", "application/json"));
    }

    private static MockServerWebExchange exchange(MockServerHttpRequest.BodyBuilder request) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request
                .remoteAddress(new InetSocketAddress("198.51.100.23", 50_000)).build());
        exchange.getAttributes().put(TenantEdgeFilter.CONTEXT, new EdgeDecision.ToRuntime("bench", "bench-main"));
        return exchange;
    }

    private static Map<String, List<String>> byName(HttpHeaders headers) {
        Map<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.headerSet().forEach(header -> sorted.put(header.getKey(), header.getValue()));
        // the signature covers the second it was made in; the rest must match exactly
        sorted.remove("X-Tenant-Context-Signature");
        sorted.remove("X-Tenant-Context-Issued-At");
        return sorted;
    }

    @Test
    void springCloudGatewaysRequestFiltersRemoveNothingTheGatewaysOwnFilterKeeps() {
        for (MockServerWebExchange exchange : List.of(aBet(), hostile())) {
            Map<String, List<String>> withThem = byName(HttpHeadersFilter.filterRequest(before, exchange));
            Map<String, List<String>> withoutThem = byName(HttpHeadersFilter.filterRequest(now, exchange));

            assertThat(withoutThem).isEqualTo(withThem);
        }
        assertThat(byName(HttpHeadersFilter.filterRequest(now, hostile())).keySet())
                .containsExactlyInAnyOrder("Host", "Authorization", "Accept", "X-Forwarded-For", "X-Tenant-Id", "X-Brand-Id");
    }

    @Test
    @EnabledIfSystemProperty(named = "headers.benchmark", matches = "true")
    void whatTheThreeCostPerRequest() throws Exception {
        MockServerWebExchange exchange = aBet();
        StringBuilder report = new StringBuilder();
        long sink = 0;
        for (int round = 1; round <= 6; round++) {
            double withThem = nanosPerRequest(before, exchange);
            double withoutThem = nanosPerRequest(now, exchange);
            sink += HttpHeadersFilter.filterRequest(now, exchange).size();
            if (round > 2) {
                report.append("edge request headers, round %d: %.0f ns a bet with Spring Cloud Gateway's three filters, %.0f ns without%n"
                        .formatted(round - 2, withThem, withoutThem));
            }
        }
        System.out.print(report);
        Path out = Path.of("target", "benchmarks", "edge-headers.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertThat(sink).isPositive();
    }

    private static double nanosPerRequest(List<HttpHeadersFilter> filters, MockServerWebExchange exchange) {
        int requests = 200_000;
        long sink = 0;
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            sink += HttpHeadersFilter.filterRequest(filters, exchange).size();
        }
        double nanos = (System.nanoTime() - start) / (double) requests;
        return sink > 0 ? nanos : -1;
    }
}
