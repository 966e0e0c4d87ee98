package com.sportsbook.controlplane.routing;

import com.sportsbook.commons.routing.BrandRoute;
import com.sportsbook.commons.routing.RoutingSnapshot;
import com.sportsbook.commons.routing.TenantRoute;
import com.sportsbook.controlplane.rules.TenantRules;
import com.sportsbook.controlplane.tenants.TenantView;
import com.sportsbook.controlplane.tenants.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the whole routing directory with a strong ETag. Readers poll every second or so and get a 304 while
 * nothing changed, so a new tenant, a new host or a suspension reaches the edge within seconds.
 */
@RestController
class RoutingController {

    private record Published(long version, String etag, byte[] body) {
    }

    private final Tenants tenants;
    private final TenantRules rules;
    private final JsonMapper json;
    private volatile Published last = new Published(-1, null, null);

    RoutingController(Tenants tenants, TenantRules rules, JsonMapper json) {
        this.tenants = tenants;
        this.rules = rules;
        this.json = json;
    }

    @GetMapping(value = "/internal/v1/routing", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The routing directory (internal: gateway and runtime)")
    ResponseEntity<byte[]> routing(@RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Published published = current();
        if (published.etag().equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(published.etag()).build();
        }
        return ResponseEntity.ok().eTag(published.etag()).contentType(MediaType.APPLICATION_JSON).body(published.body());
    }

    /** Rebuilt only when the routing version moved: an unchanged poll costs one single-row read. */
    private Published current() {
        Published cached = last;
        if (cached.body() != null && cached.version() == tenants.routingVersion()) {
            return cached;
        }
        Tenants.RoutingView view = tenants.routingView();
        TenantRules.MinimumAges ages = rules.minimumAges();
        byte[] body = json.writeValueAsBytes(snapshot(view, ages::of));
        Published fresh = new Published(view.version(), '"' + sha256(body) + '"', body);
        last = fresh;
        return fresh;
    }

    /** The brand's minimum age: the strictest over its jurisdictions, packs and the tenant's approved overrides alike. */
    interface MinimumAge {
        int of(String tenant, List<String> jurisdictions);
    }

    static RoutingSnapshot snapshot(Tenants.RoutingView routing, MinimumAge minimumAge) {
        List<TenantView> all = routing.tenants();
        List<TenantRoute> tenantRoutes = all.stream()
                .map(tenant -> new TenantRoute(tenant.slug(), tenant.status().wireName(), tenant.schema(), tenant.databaseCell()))
                .toList();
        List<BrandRoute> brandRoutes = all.stream()
                .flatMap(tenant -> tenant.brands().stream().map(brand -> new BrandRoute(brand.slug(), tenant.slug(),
                        brand.name(), brand.routedHosts(), brand.defaultCurrency(), brand.currencies(),
                        brand.languages(), brand.jurisdictions(), minimumAge.of(tenant.slug(), brand.jurisdictions()), brand.theme())))
                .toList();
        return new RoutingSnapshot(routing.version(), tenantRoutes, brandRoutes);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
