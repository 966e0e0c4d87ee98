package com.sportsbook.gateway;

import com.sportsbook.commons.TrustedHeaders;
import com.sportsbook.commons.routing.BrandRoute;
import com.sportsbook.commons.routing.RoutingSnapshot;
import com.sportsbook.commons.routing.TenantRoute;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Host to brand to tenant, from the control plane's routing directory. Polled with an ETag every
 * {@code directory-refresh}; an unknown host triggers one immediate refresh (at most every 250 ms) so a brand that
 * went live a moment ago is reachable at once, while a flood of unknown hosts cannot flood the control plane.
 */
@Component
class HostDirectory implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HostDirectory.class);
    private static final long MIN_MISS_REFRESH_NANOS = Duration.ofMillis(250).toNanos();

    record HostRoute(String host, String brand, String brandName, String tenant, String tenantStatus) {
    }

    /** A synchronous view the routing decision reads. */
    interface Lookup {
        Optional<HostRoute> find(String host);
    }

    private record View(String etag, RoutingSnapshot snapshot, Map<String, HostRoute> hosts) {
    }

    private final WebClient http;
    private final Disposable poller;
    private final AtomicLong lastMissRefresh = new AtomicLong();
    private volatile View view = new View(null, RoutingSnapshot.empty(), Map.of());

    HostDirectory(GatewaySettings settings) {
        this.http = WebClient.builder()
                .baseUrl(settings.controlPlaneUrl().toString())
                .defaultHeader(TrustedHeaders.INTERNAL_TOKEN, settings.internalToken())
                .build();
        this.poller = Flux.interval(Duration.ZERO, settings.directoryRefresh())
                .onBackpressureDrop()
                .concatMap(tick -> refresh().onErrorResume(error -> Mono.just(false)), 1)
                .subscribe();
    }

    Optional<HostRoute> find(String host) {
        return Optional.ofNullable(view.hosts().get(host));
    }

    /**
     * Finds the host, refreshing the directory once first if the host is unknown or its tenant not live: a brand that
     * went live or was resumed a moment ago is served at once instead of after the next poll.
     */
    Mono<Lookup> lookupFor(String host) {
        HostRoute known = view.hosts().get(host);
        if (known != null && "active".equals(known.tenantStatus()) || !claimMissRefresh()) {
            return Mono.just(this::find);
        }
        return refresh().onErrorResume(error -> Mono.just(false)).thenReturn(this::find);
    }

    Mono<Boolean> refresh() {
        View current = view;
        return http.get().uri("/internal/v1/routing")
                .headers(headers -> {
                    if (current.etag() != null) {
                        headers.set(HttpHeaders.IF_NONE_MATCH, current.etag());
                    }
                })
                .exchangeToMono(response -> {
                    if (response.statusCode() == HttpStatus.NOT_MODIFIED) {
                        return response.releaseBody().thenReturn(true);
                    }
                    if (!response.statusCode().is2xxSuccessful()) {
                        log.warn("routing directory answered {}", response.statusCode());
                        return response.releaseBody().thenReturn(false);
                    }
                    String etag = response.headers().asHttpHeaders().getETag();
                    return response.bodyToMono(RoutingSnapshot.class).map(snapshot -> {
                        apply(etag, snapshot);
                        return true;
                    });
                })
                .timeout(Duration.ofSeconds(5))
                .doOnError(error -> log.warn("routing directory not refreshed: {}", error.toString()));
    }

    /** Replaces the view unless a concurrent refresh already installed a newer one. */
    private synchronized void apply(String etag, RoutingSnapshot snapshot) {
        if (snapshot.supersedes(view.snapshot())) {
            view = new View(etag, snapshot, index(snapshot));
        }
    }

    private boolean claimMissRefresh() {
        long now = System.nanoTime();
        long last = lastMissRefresh.get();
        return now - last >= MIN_MISS_REFRESH_NANOS && lastMissRefresh.compareAndSet(last, now);
    }

    private static Map<String, HostRoute> index(RoutingSnapshot snapshot) {
        Map<String, TenantRoute> tenants = snapshot.tenants().stream()
                .collect(Collectors.toMap(TenantRoute::slug, Function.identity()));
        Map<String, HostRoute> hosts = new HashMap<>();
        for (BrandRoute brand : snapshot.brands()) {
            TenantRoute tenant = tenants.get(brand.tenant());
            if (tenant == null) {
                continue;
            }
            for (String host : brand.hosts()) {
                hosts.put(host, new HostRoute(host, brand.slug(), brand.name(), tenant.slug(), tenant.status()));
            }
        }
        return Map.copyOf(hosts);
    }

    @Override
    public void destroy() {
        poller.dispose();
    }
}
