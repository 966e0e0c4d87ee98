package com.sportsbook.runtime.compliance.rules;

import com.sportsbook.commons.TrustedHeaders;
import com.sportsbook.commons.rules.JurisdictionRules;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The control plane's rules API as the runtime uses it: each tenant's effective rules, kept for {@code refresh} and
 * then asked again with an ETag (a 304 costs the control plane one read of small tables); the last answer stays in
 * force for up to {@code max-stale} while the control plane cannot be reached, then the rules are unavailable. Also
 * relays the back office's rule-change calls.
 *
 * <p>A refresh that falls due is made in the background while the last answer keeps serving: a bet never waits for the
 * control plane once its tenant's rules were read (it did, every {@code refresh}, for a round trip, with every other
 * bet of the tenant waiting behind it). Rules read longer ago than {@code max-stale}, or never, are read on the spot.
 */
@Component
class ControlPlaneRules {

    private static final Logger log = LoggerFactory.getLogger(ControlPlaneRules.class);

    /** The control plane's document of a tenant's rules (its {@code TenantRules.EffectiveView}). */
    record Document(String tenant, int ruleVersion, Map<String, List<String>> brands, List<JurisdictionDocument> jurisdictions) {
    }

    record JurisdictionDocument(String code, String name, String regulator, String currency, String packVersion,
            Instant adoptedAt, Map<String, RuleDocument> rules) {
    }

    /** One rule: the pack's value and source, the tenant's override (null if none) and the effective value. */
    record RuleDocument(Object pack, String source, Map<String, Object> override, Object effective, boolean overridable,
            String stricterMeans) {
    }

    /** A control-plane answer passed on as it came. */
    record Relayed(int status, MediaType contentType, byte[] body) {
    }

    /** A tenant's document with its typed rules, and the brand rules computed from it so far. */
    private record Entry(Document document, String etag, Instant fetchedAt, Map<String, JurisdictionRules> typed,
            ConcurrentMap<String, BrandRules> brands) {
    }

    private final RestClient http;
    private final JsonMapper json;
    private final RulesSettings settings;
    private final Clock clock;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<String, Instant> lastTried = new ConcurrentHashMap<>();
    private final Executor refresher;

    /** How soon a background refresh is tried again after one (an unreachable control plane is not hammered). */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    @Autowired
    ControlPlaneRules(RestClient.Builder builder, JsonMapper json, RulesSettings settings, Clock clock) {
        this(builder, json, settings, clock, Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon()
                .name("compliance-rules-refresh").factory()));
    }

    /** @param refresher where refreshes that fell due run while the last answer keeps serving */
    ControlPlaneRules(RestClient.Builder builder, JsonMapper json, RulesSettings settings, Clock clock, Executor refresher) {
        this.refresher = refresher;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(2));
        requests.setReadTimeout(Duration.ofSeconds(5));
        this.http = builder.clone()
                .baseUrl(settings.controlPlaneUrl().toString())
                .requestFactory(requests)
                .defaultHeader(TrustedHeaders.INTERNAL_TOKEN, settings.internalToken())
                .build();
        this.json = json;
        this.settings = settings;
        this.clock = clock;
    }

    /** The brand's rules from the tenant's current document; computed once per document. */
    BrandRules brandRules(String tenant, String brand) {
        Entry entry = entry(tenant, false);
        if (!entry.document().brands().containsKey(brand)) {
            // the document may predate a brand created a moment ago
            entry = entry(tenant, true);
        }
        Entry current = entry;
        List<String> codes = current.document().brands().get(brand);
        if (codes == null || codes.isEmpty()) {
            throw new RulesUnavailable("the control plane has no jurisdictions for brand " + brand);
        }
        return current.brands().computeIfAbsent(brand, slug -> BrandRules.strictest(slug, current.document().ruleVersion(),
                codes.stream().map(code -> jurisdiction(current, code)).toList()));
    }

    /** Each brand of the tenant with its jurisdictions, as the control plane has them. */
    Map<String, List<String>> brandJurisdictions(String tenant) {
        return entry(tenant, false).document().brands();
    }

    JurisdictionRules jurisdictionRules(String tenant, String code) {
        return jurisdiction(entry(tenant, false), code);
    }

    /** The tenant's document read now, for a compliance officer who must see the latest. */
    Document fresh(String tenant) {
        return entry(tenant, true).document();
    }

    /** Forgets the tenant's rules: the next use reads them again (after a change was approved here). */
    void forget(String tenant) {
        entries.remove(tenant);
    }

    private static JurisdictionRules jurisdiction(Entry entry, String code) {
        JurisdictionRules rules = entry.typed().get(code);
        if (rules == null) {
            throw new RulesUnavailable("the control plane has no rules for jurisdiction " + code);
        }
        return rules;
    }

    private Entry entry(String tenant, boolean mustRead) {
        Entry cached = entries.get(tenant);
        if (!mustRead && cached != null && fresh(cached)) {
            return cached;
        }
        if (!mustRead && cached != null && usable(cached)) {
            refreshInBackground(tenant);
            return entries.getOrDefault(tenant, cached);
        }
        return readNow(tenant, mustRead);
    }

    /** One refresh per tenant at a time, and at most one a second; a failed one is logged, and tried again. */
    private void refreshInBackground(String tenant) {
        Instant now = clock.instant();
        Instant tried = lastTried.get(tenant);
        if ((tried != null && Duration.between(tried, now).compareTo(RETRY_AFTER) < 0) || !refreshing.add(tenant)) {
            return;
        }
        lastTried.put(tenant, now);
        try {
            refresher.execute(() -> {
                try {
                    readNow(tenant, false);
                } catch (RuntimeException e) {
                    log.warn("rules of tenant {} not refreshed in the background: {}", tenant, e.getMessage());
                } finally {
                    refreshing.remove(tenant);
                }
            });
        } catch (RejectedExecutionException e) {
            refreshing.remove(tenant);
        }
    }

    private Entry readNow(String tenant, boolean mustRead) {
        synchronized (locks.computeIfAbsent(tenant, key -> new Object())) {
            Entry again = entries.get(tenant);
            if (!mustRead && again != null && fresh(again)) {
                return again;
            }
            try {
                Entry read = read(tenant, again);
                entries.put(tenant, read);
                return read;
            } catch (RulesUnavailable e) {
                if (again != null && usable(again)) {
                    log.warn("rules of tenant {} not refreshed, the last read of {} stays in force: {}", tenant,
                            again.fetchedAt(), e.getMessage());
                    return again;
                }
                throw e;
            }
        }
    }

    private boolean fresh(Entry entry) {
        return Duration.between(entry.fetchedAt(), clock.instant()).compareTo(settings.refresh()) < 0;
    }

    /** Whether the last answer may still be used while a newer one is asked for. */
    private boolean usable(Entry entry) {
        return Duration.between(entry.fetchedAt(), clock.instant()).compareTo(settings.maxStale()) <= 0;
    }

    @PreDestroy
    void stopRefreshing() {
        if (refresher instanceof ExecutorService service) {
            service.shutdownNow();
        }
    }

    private record Answer(int status, String etag, byte[] body) {
    }

    private Entry read(String tenant, Entry previous) {
        Answer answer;
        try {
            answer = http.get().uri("/internal/v1/tenants/{tenant}/rules", tenant)
                    .headers(headers -> {
                        if (previous != null && !previous.etag().isEmpty()) {
                            headers.set(HttpHeaders.IF_NONE_MATCH, previous.etag());
                        }
                    })
                    .exchange((request, response) -> new Answer(response.getStatusCode().value(),
                            response.getHeaders().getETag(), readAll(response.getBody())), true);
        } catch (RestClientException e) {
            throw new RulesUnavailable("the control plane could not be reached for the rules of " + tenant, e);
        }
        if (answer.status() == 304 && previous != null) {
            return new Entry(previous.document(), previous.etag(), clock.instant(), previous.typed(), previous.brands());
        }
        if (answer.status() != 200) {
            throw new RulesUnavailable("the control plane answered " + answer.status() + " for the rules of " + tenant);
        }
        try {
            Document document = json.readValue(answer.body(), Document.class);
            Map<String, JurisdictionRules> typed = new LinkedHashMap<>();
            for (JurisdictionDocument jurisdiction : document.jurisdictions()) {
                Map<String, Object> effective = new LinkedHashMap<>();
                jurisdiction.rules().forEach((rule, value) -> effective.put(rule, value.effective()));
                typed.put(jurisdiction.code(), JurisdictionRules.parse(jurisdiction.code(), jurisdiction.currency(), effective));
            }
            return new Entry(document, answer.etag() == null ? "" : answer.etag(), clock.instant(), typed,
                    new ConcurrentHashMap<>());
        } catch (JacksonException | IllegalArgumentException e) {
            throw new RulesUnavailable("the rules of " + tenant + " could not be read: " + e.getMessage(), e);
        }
    }

    /** Passes a back-office call on to the control plane's internal rules API and answers what it answered. */
    Relayed relay(HttpMethod method, String path, Object body) {
        try {
            RestClient.RequestBodySpec request = http.method(method).uri(path);
            if (body != null) {
                request = request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(body));
            }
            return request.exchange((req, response) -> new Relayed(response.getStatusCode().value(),
                    Optional.ofNullable(response.getHeaders().getContentType()).orElse(MediaType.APPLICATION_JSON),
                    readAll(response.getBody())), true);
        } catch (RestClientException e) {
            throw new RulesUnavailable("the control plane could not be reached", e);
        }
    }

    private static byte[] readAll(java.io.InputStream body) throws IOException {
        return body == null ? new byte[0] : body.readAllBytes();
    }
}
