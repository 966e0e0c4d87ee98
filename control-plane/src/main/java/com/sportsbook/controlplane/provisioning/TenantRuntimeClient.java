package com.sportsbook.controlplane.provisioning;

import com.sportsbook.commons.TrustedHeaders;
import com.sportsbook.controlplane.tenants.TenantView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Calls the tenant runtime's internal provisioning API. The runtime owns the tenant schema and its changelog; the
 * control plane only asks it to create, migrate and seed. Failures come back as exceptions with plain-words
 * messages, which the saga records as the step's error.
 */
@Component
class TenantRuntimeClient {

    /** How long the console's reads (schema health, migration progress) wait for the runtime: they are polled. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final RestClient http;
    private final RestClient reads;
    private final String baseUrl;

    TenantRuntimeClient(RestClient.Builder builder, ProvisioningSettings settings) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(settings.runtimeTimeout());
        requests.setReadTimeout(settings.runtimeTimeout());
        this.baseUrl = settings.runtimeUrl().toString();
        this.http = builder.clone()
                .baseUrl(baseUrl)
                .requestFactory(requests)
                .defaultHeader(TrustedHeaders.INTERNAL_TOKEN, settings.internalToken())
                .build();
        SimpleClientHttpRequestFactory quick = new SimpleClientHttpRequestFactory();
        quick.setConnectTimeout(READ_TIMEOUT);
        quick.setReadTimeout(READ_TIMEOUT);
        this.reads = builder.clone()
                .baseUrl(baseUrl)
                .requestFactory(quick)
                .defaultHeader(TrustedHeaders.INTERNAL_TOKEN, settings.internalToken())
                .build();
    }

    /** Every tenant schema the runtime knows of: reachable, how many changesets applied of how many, the last one. */
    RuntimeSchemas.Health schemaHealth() {
        return read("read the tenant schemas' health", () -> reads.get().uri("/internal/v1/schemas")
                .retrieve().body(RuntimeSchemas.Health.class));
    }

    /** The runtime's latest (or current) upgrade of every tenant schema. */
    RuntimeSchemas.Report migrationReport() {
        return read("read the migration progress", () -> reads.get().uri("/internal/v1/migrations")
                .retrieve().body(RuntimeSchemas.Report.class));
    }

    /** Starts the upgrade of every tenant schema in the runtime's background; answers its first progress. */
    RuntimeSchemas.Report startUpgrade() {
        return read("start the upgrade of every tenant schema", () -> reads.post().uri("/internal/v1/migrations")
                .retrieve().body(RuntimeSchemas.Report.class));
    }


    void createSchema(String tenant) {
        call("create the schema", () -> http.put().uri("/internal/v1/tenants/{tenant}/schema", tenant)
                .retrieve().toBodilessEntity());
    }

    void migrate(String tenant) {
        call("apply the tenant migrations", () -> http.post().uri("/internal/v1/tenants/{tenant}/migrations", tenant)
                .retrieve().toBodilessEntity());
    }

    void seed(TenantView tenant) {
        List<Map<String, Object>> brands = tenant.brands().stream()
                .map(brand -> Map.<String, Object>of("slug", brand.slug(), "name", brand.name(),
                        "defaultCurrency", brand.defaultCurrency()))
                .toList();
        call("seed the tenant's data", () -> http.post().uri("/internal/v1/tenants/{tenant}/seed", tenant.slug())
                .body(Map.of("brands", brands))
                .retrieve().toBodilessEntity());
    }

    private void call(String what, Runnable request) {
        read(what, () -> {
            request.run();
            return null;
        });
    }

    private <T> T read(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (ResourceAccessException e) {
            throw new IllegalStateException("The tenant runtime at " + baseUrl + " could not be reached to " + what
                    + " (" + rootMessage(e) + ").", e);
        } catch (RestClientResponseException e) {
            throw new IllegalStateException("The tenant runtime refused to " + what + ": HTTP "
                    + e.getStatusCode().value() + " " + e.getResponseBodyAsString(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
