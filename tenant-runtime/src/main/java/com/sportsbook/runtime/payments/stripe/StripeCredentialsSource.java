package com.sportsbook.runtime.payments.stripe;

import com.sportsbook.commons.TrustedHeaders;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * A tenant's Stripe credentials: from the control plane's credentials vault (internal API, kept for a minute so a
 * rotated secret arrives without a restart), else from configuration (tests, or a platform-wide account).
 */
final class StripeCredentialsSource {

    static final Duration TTL = Duration.ofSeconds(60);

    private record Cached(Optional<StripeSettings.Credentials> credentials, Instant fetchedAt) {
    }

    private record VaultAnswer(String purpose, Map<String, String> fields) {
    }

    private final StripeSettings settings;
    private final RestClient controlPlane;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    StripeCredentialsSource(StripeSettings settings, URI controlPlaneUrl, String internalToken, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(2));
        requests.setReadTimeout(Duration.ofSeconds(5));
        this.controlPlane = RestClient.builder().baseUrl(controlPlaneUrl.toString()).requestFactory(requests)
                .defaultHeader(TrustedHeaders.INTERNAL_TOKEN, internalToken).build();
    }

    Optional<StripeSettings.Credentials> forTenant(String tenant) {
        Instant now = clock.instant();
        Cached cached = cache.compute(tenant, (slug, current) -> current != null && current.fetchedAt().plus(TTL).isAfter(now)
                ? current : new Cached(fetch(slug), now));
        return cached.credentials().or(() -> Optional.ofNullable(settings.tenants().get(tenant)));
    }

    private Optional<StripeSettings.Credentials> fetch(String tenant) {
        try {
            VaultAnswer answer = controlPlane.get().uri("/internal/tenants/{slug}/credentials/psp.stripe", tenant)
                    .retrieve().body(VaultAnswer.class);
            if (answer == null || answer.fields() == null) {
                return Optional.empty();
            }
            return Optional.of(new StripeSettings.Credentials(answer.fields().get("secretKey"),
                    answer.fields().get("webhookSecret"), answer.fields().get("connectAccount")));
        } catch (HttpClientErrorException.NotFound none) {
            return Optional.empty();
        }
    }
}
