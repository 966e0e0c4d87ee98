package com.sportsbook.runtime.tenancy;

import com.sportsbook.commons.TrustedHeaders;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * A tenant's PSP and KYC credentials from the control plane's vault: its internal API in clear, with the service
 * token and the tenant this call acts for. Kept in memory only (never on disk, never in a log line, never in a
 * {@code toString}) for a short time, so a rotated secret arrives without a restart:
 * <ul>
 *   <li>an answer is used for {@code ttl}; "none stored" (404) too;</li>
 *   <li>any other 4xx (the token or the tenant refused) drops what was kept and fails the call: nothing stale is
 *       used once the control plane says no;</li>
 *   <li>the control plane unreachable or failing (5xx): the last credentials are used up to {@link #MAX_STALE} after
 *       they were fetched, asked again at most every {@link #RETRY_AFTER}; then the call fails;</li>
 *   <li>{@link #forget} drops them when the provider refused them (a revoked key), so the next call asks again.</li>
 * </ul>
 */
public final class TenantCredentials {

    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);
    static final Duration MAX_STALE = Duration.ofMinutes(5);
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    /** Credentials younger than this are not dropped by {@link #forget}: a flood of forged webhooks cannot make every one a call. */
    static final Duration MIN_REFRESH = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(TenantCredentials.class);

    /** One purpose's secrets in clear. Its {@code toString} names the fields, never their values. */
    public record Secrets(String tenant, String purpose, Map<String, String> fields) {

        public Secrets {
            fields = Map.copyOf(fields);
        }

        public Optional<String> field(String name) {
            return Optional.ofNullable(fields.get(name)).filter(value -> !value.isBlank());
        }

        @Override
        public String toString() {
            return "Secrets[" + tenant + " " + purpose + " " + new java.util.TreeSet<>(fields.keySet()) + "]";
        }
    }

    private record Key(String tenant, String purpose) {
    }

    private record Entry(Optional<Secrets> secrets, Instant fetchedAt, Instant nextAttempt) {
    }

    private record VaultAnswer(String purpose, Map<String, String> fields) {
        @Override
        public String toString() {
            return "VaultAnswer[" + purpose + "]";
        }
    }

    private sealed interface Fetched {
        record Found(Secrets secrets) implements Fetched {
        }

        record None() implements Fetched {
        }

        record Refused(int status) implements Fetched {
        }

        record Failed(String why) implements Fetched {
        }
    }

    private final RestClient controlPlane;
    private final Clock clock;
    private final Duration ttl;
    private final Map<Key, Entry> cache = new ConcurrentHashMap<>();

    public TenantCredentials(URI controlPlaneUrl, String internalToken, Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(2));
        requests.setReadTimeout(Duration.ofSeconds(5));
        this.controlPlane = RestClient.builder().baseUrl(controlPlaneUrl.toString()).requestFactory(requests)
                .defaultHeader(TrustedHeaders.INTERNAL_TOKEN, internalToken).build();
    }

    /**
     * The tenant's credentials for a purpose ({@code psp.stripe}, {@code psp.sandbox}, {@code kyc.provider}); empty
     * when it stored none.
     *
     * @throws IllegalStateException when the control plane refuses the call, or cannot be reached and nothing recent
     *     enough is kept
     */
    public Optional<Secrets> of(String tenant, String purpose) {
        Key key = new Key(tenant, purpose);
        Instant now = clock.instant();
        Entry entry = cache.compute(key, (k, current) -> {
            if (current != null && now.isBefore(current.nextAttempt())) {
                return current;
            }
            return switch (fetch(k)) {
                case Fetched.Found found -> new Entry(Optional.of(found.secrets()), now, now.plus(ttl));
                case Fetched.None none -> new Entry(Optional.empty(), now, now.plus(ttl));
                case Fetched.Refused refused -> {
                    log.warn("the control plane refused tenant {}'s {} credentials (HTTP {}); none are used", k.tenant(),
                            k.purpose(), refused.status());
                    yield null;
                }
                case Fetched.Failed failed -> {
                    if (current != null && current.fetchedAt().plus(MAX_STALE).isAfter(now)) {
                        log.warn("tenant {}'s {} credentials could not be refreshed ({}); using those fetched at {}",
                                k.tenant(), k.purpose(), failed.why(), current.fetchedAt());
                        yield new Entry(current.secrets(), current.fetchedAt(), now.plus(RETRY_AFTER));
                    }
                    log.warn("tenant {}'s {} credentials could not be fetched: {}", k.tenant(), k.purpose(), failed.why());
                    yield null;
                }
            };
        });
        if (entry == null) {
            throw new IllegalStateException("tenant " + tenant + "'s " + purpose + " credentials are not available from"
                    + " the control plane");
        }
        return entry.secrets();
    }

    /** Drops kept credentials the provider refused (a revoked or rotated key), unless they were fetched just now. */
    public void forget(String tenant, String purpose) {
        Instant now = clock.instant();
        cache.computeIfPresent(new Key(tenant, purpose),
                (key, entry) -> entry.fetchedAt().plus(MIN_REFRESH).isAfter(now) ? entry : null);
    }

    private Fetched fetch(Key key) {
        try {
            return controlPlane.get().uri("/internal/tenants/{slug}/credentials/{purpose}", key.tenant(), key.purpose())
                    .header(TrustedHeaders.INTERNAL_TENANT, key.tenant())
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        if (status == 200) {
                            VaultAnswer answer = response.bodyTo(VaultAnswer.class);
                            return answer == null || answer.fields() == null ? new Fetched.Failed("an empty answer")
                                    : new Fetched.Found(new Secrets(key.tenant(), key.purpose(), answer.fields()));
                        }
                        if (status == 404) {
                            return new Fetched.None();
                        }
                        return status >= 400 && status < 500 ? new Fetched.Refused(status)
                                : new Fetched.Failed("HTTP " + status);
                    });
        } catch (RestClientException e) {
            return new Fetched.Failed(e.getClass().getSimpleName());
        } catch (RuntimeException unreadable) {
            return new Fetched.Failed("an unreadable answer (" + unreadable.getClass().getSimpleName() + ")");
        }
    }
}
