package com.sportsbook.controlplane.provisioning;

import com.sportsbook.commons.TrustedHeaders;
import com.sportsbook.controlplane.tenants.TenantView;
import java.util.List;
import java.util.Map;
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

    private final RestClient http;
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
        try {
            request.run();
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
