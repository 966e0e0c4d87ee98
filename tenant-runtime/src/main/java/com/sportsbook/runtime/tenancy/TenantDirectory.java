package com.sportsbook.runtime.tenancy;

import com.sportsbook.commons.TrustedHeaders;
import com.sportsbook.commons.routing.BrandRoute;
import com.sportsbook.commons.routing.RoutingSnapshot;
import com.sportsbook.commons.routing.TenantRoute;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The runtime's view of the control plane's routing directory: which tenants exist, their status and schema, and
 * the brands with their themes. Polled with an ETag every {@code directory-refresh}. A lookup that misses, or finds
 * the tenant not live, is answered from a read that started after the lookup began, so a tenant provisioned or
 * resumed a moment ago is served at once; concurrent misses share one read.
 */
@Component
public class TenantDirectory implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TenantDirectory.class);

    private record View(String etag, RoutingSnapshot snapshot, Map<String, TenantRoute> tenants,
            Map<String, BrandRoute> brands) {
        static View of(String etag, RoutingSnapshot snapshot) {
            return new View(etag, snapshot,
                    snapshot.tenants().stream().collect(Collectors.toUnmodifiableMap(TenantRoute::slug, Function.identity())),
                    snapshot.brands().stream().collect(Collectors.toUnmodifiableMap(BrandRoute::slug, Function.identity())));
        }
    }

    private final RestClient http;
    private final ScheduledExecutorService poller;
    private volatile View view = View.of(null, RoutingSnapshot.empty());
    private volatile boolean loaded;
    private final Object refreshLock = new Object();
    private long lastRefreshStartNanos = Long.MIN_VALUE;

    TenantDirectory(RestClient.Builder builder, TenancySettings settings) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(2));
        requests.setReadTimeout(Duration.ofSeconds(5));
        this.http = builder.clone()
                .baseUrl(settings.controlPlaneUrl().toString())
                .requestFactory(requests)
                .defaultHeader(TrustedHeaders.INTERNAL_TOKEN, settings.internalToken())
                .build();
        this.poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("tenant-directory").daemon().factory());
        long period = settings.directoryRefresh().toMillis();
        poller.scheduleWithFixedDelay(this::refreshQuietly, 0, period, TimeUnit.MILLISECONDS);
    }

    /**
     * The tenant, read again from the control plane first (rate-limited) if it is unknown or not live here: the
     * gateway may already have seen a newer status than this replica.
     */
    public Optional<TenantRoute> currentTenant(String slug) {
        TenantRoute found = view.tenants().get(slug);
        if ((found == null || !"active".equals(found.status())) && refreshAfterMiss()) {
            found = view.tenants().get(slug);
        }
        return Optional.ofNullable(found);
    }

    public Optional<BrandRoute> brand(String slug) {
        BrandRoute found = view.brands().get(slug);
        if (found == null && refreshAfterMiss()) {
            found = view.brands().get(slug);
        }
        return Optional.ofNullable(found);
    }

    public List<TenantRoute> tenants() {
        return List.copyOf(view.tenants().values());
    }

    /** Whether the directory has been read at least once since start. */
    public boolean loaded() {
        return loaded;
    }

    /** Reads the directory now; false if the control plane could not be reached. */
    public boolean refresh() {
        try {
            View current = view;
            ResponseEntity<RoutingSnapshot> response = http.get().uri("/internal/v1/routing")
                    .headers(headers -> {
                        if (current.etag() != null) {
                            headers.set(HttpHeaders.IF_NONE_MATCH, current.etag());
                        }
                    })
                    .retrieve()
                    .toEntity(RoutingSnapshot.class);
            if (response.getStatusCode() != HttpStatus.NOT_MODIFIED && response.getBody() != null) {
                apply(response.getHeaders().getETag(), response.getBody());
            }
            loaded = true;
            return true;
        } catch (RestClientException e) {
            log.warn("routing directory not refreshed: {}", e.getMessage());
            return false;
        }
    }

    /** Replaces the view unless a concurrent refresh already installed a newer one. */
    private synchronized void apply(String etag, RoutingSnapshot snapshot) {
        if (snapshot.supersedes(view.snapshot())) {
            view = View.of(etag, snapshot);
        }
    }

    /**
     * Makes sure a read that started after this call began has completed. Callers that arrive while a read is
     * running wait for it and then share the next one, so one read serves every caller waiting at the time.
     */
    private boolean refreshAfterMiss() {
        long arrival = System.nanoTime();
        synchronized (refreshLock) {
            if (lastRefreshStartNanos >= arrival) {
                return true;
            }
            long started = System.nanoTime();
            boolean read = refresh();
            // Even a failed read counts: while the control plane is down, waiting callers go on with the view
            // they have instead of each trying again in turn.
            lastRefreshStartNanos = started;
            return read;
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("routing directory refresh failed", e);
        }
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
    }
}
