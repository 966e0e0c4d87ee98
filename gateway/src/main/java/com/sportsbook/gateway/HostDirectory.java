package com.sportsbook.gateway;

import com.sportsbook.commons.TrustedHeaders;
import com.sportsbook.commons.routing.BrandRoute;
import com.sportsbook.commons.routing.RoutingSnapshot;
import com.sportsbook.commons.routing.TenantRoute;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
 * {@code directory-refresh}. A request for a host that is unknown or not live is decided on a read of the
 * directory that started after the request arrived, so a brand that went live or was resumed a moment ago is
 * served at once. Such reads are coalesced: at most one is in flight and one queued behind it, whatever the number
 * of requests for unknown hosts.
 */
@Component
class HostDirectory implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HostDirectory.class);

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
    private volatile View view = new View(null, RoutingSnapshot.empty(), Map.of());

    private final Object flights = new Object();
    private Mono<Boolean> current;
    private long currentStartedNanos;
    private boolean inFlight;
    private long lastCompletedStartNanos = Long.MIN_VALUE;
    private Mono<Boolean> queued;

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
        if (known != null && "active".equals(known.tenantStatus())) {
            return Mono.just(this::find);
        }
        return refreshStartedAfter(System.nanoTime()).thenReturn(this::find);
    }

    /** Completes once a read of the directory that started at or after {@code arrivalNanos} has finished. */
    Mono<Boolean> refreshStartedAfter(long arrivalNanos) {
        synchronized (flights) {
            if (!inFlight && lastCompletedStartNanos >= arrivalNanos) {
                return Mono.just(true);
            }
            if (inFlight && currentStartedNanos >= arrivalNanos) {
                return current;
            }
            if (queued != null) {
                return queued;
            }
            if (!inFlight) {
                return startFlight();
            }
            Mono<Boolean> running = current;
            queued = running.then(Mono.defer(() -> {
                synchronized (flights) {
                    queued = null;
                    return startFlight();
                }
            })).cache();
            return queued;
        }
    }

    /** Starts a read now; the caller holds the flights lock. */
    private Mono<Boolean> startFlight() {
        long started = System.nanoTime();
        inFlight = true;
        currentStartedNanos = started;
        current = refresh()
                .onErrorResume(error -> Mono.just(false))
                .doFinally(signal -> {
                    synchronized (flights) {
                        inFlight = false;
                        lastCompletedStartNanos = Math.max(lastCompletedStartNanos, started);
                    }
                })
                .cache();
        return current;
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
