package com.sportsbook.controlplane.tenants;

import com.sportsbook.commons.TenantSlug;
import com.sportsbook.commons.TenantStatus;
import com.sportsbook.controlplane.templates.TemplateCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The tenants module's API: register tenants, read them, and move them through their lifecycle. */
@Service
public class Tenants {

    private static final Logger log = LoggerFactory.getLogger(Tenants.class);
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final TenantRepository tenants;
    private final OperatorRepository operators;
    private final BrandRepository brands;
    private final BrandHostRepository hosts;
    private final TemplateCatalog templates;
    private final TenantsSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Tenants(TenantRepository tenants, OperatorRepository operators, BrandRepository brands, BrandHostRepository hosts,
            TemplateCatalog templates, TenantsSettings settings, JsonMapper json, Clock clock,
            ApplicationEventPublisher events) {
        this.tenants = tenants;
        this.operators = operators;
        this.brands = brands;
        this.hosts = hosts;
        this.templates = templates;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public RegistrationResult register(TenantRegistration registration) {
        TenantRegistrationRules rules = new TenantRegistrationRules(
                templates.jurisdictionCodes(), templates.themeNames(), new HashSet<>(settings.platformHosts()));
        List<FieldError> errors = rules.check(registration);
        if (!errors.isEmpty()) {
            return new RegistrationResult.Invalid(errors);
        }
        if (tenants.existsBySlug(registration.slug()) || brands.existsBySlug(registration.effectiveBrandSlug())) {
            return new RegistrationResult.SlugTaken(registration.slug());
        }
        List<String> taken = hosts.findTaken(registration.hosts());
        if (!taken.isEmpty()) {
            return new RegistrationResult.HostTaken(taken);
        }
        Instant now = clock.instant();
        Operator operator = operatorFor(registration, now);
        TenantSlug slug = new TenantSlug(registration.slug());
        Tenant tenant = new Tenant(slug.value(), operator, slug.schema().name(), settings.defaultDatabaseCell(), now);
        Map<String, Object> theme = BrandingRules.apply(templates.theme(registration.effectiveTheme()).orElseThrow(),
                registration.branding());
        Brand brand = new Brand(tenant, registration.effectiveBrandSlug(), registration.brandName(),
                registration.effectiveTheme(), json.writeValueAsString(theme), registration.defaultCurrency(),
                registration.currencies(), registration.languages(), registration.jurisdictions(), now);
        registration.hosts().forEach(brand::addHost);
        tenant.addBrand(brand);
        tenants.saveAndFlush(tenant);
        tenants.bumpRoutingVersion();
        log.info("tenant {} registered for operator {} with brand {} on hosts {}",
                tenant.slug(), operator.name(), brand.slug(), registration.hosts());
        return new RegistrationResult.Registered(view(tenant));
    }

    /**
     * An operator account signing up again reuses its operator; platform staff registering on an operator's behalf
     * reuse an unowned operator of the same name and email.
     */
    private Operator operatorFor(TenantRegistration registration, Instant now) {
        String account = registration.operatorAccount();
        Optional<Operator> existing = account == null
                ? operators.findFirstByContactEmailIgnoreCaseAndNameAndAccountSubjectIsNull(registration.operatorEmail(),
                        registration.operatorName())
                : operators.findByAccountSubject(account);
        return existing.orElseGet(() -> operators.save(
                new Operator(registration.operatorName(), registration.operatorEmail(), account, now)));
    }

    @Transactional(readOnly = true)
    public Optional<TenantView> find(String slug) {
        return tenants.findBySlug(slug).map(this::view);
    }

    @Transactional(readOnly = true)
    public List<TenantView> list() {
        return tenants.findAllWithOperator().stream().map(this::view).toList();
    }

    /** Everything the routing directory publishes, read as of one moment, with the routing version of that moment. */
    public record RoutingView(long version, List<TenantView> tenants) {
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public RoutingView routingView() {
        long version = tenants.routingVersion();
        return new RoutingView(version, tenants.findAllWithOperator().stream().map(this::view).toList());
    }

    @Transactional(readOnly = true)
    public long routingVersion() {
        return tenants.routingVersion();
    }

    /**
     * Another module changed something the routing directory publishes (a brand's effective minimum age after an
     * approved rule change): readers see a new version and re-read.
     */
    @Transactional
    public void routingChanged() {
        tenants.bumpRoutingVersion();
    }

    /** Provisioning's "hosts routed" step: from now on the gateway knows the brand hosts. Idempotent. */
    @Transactional
    public void markHostsRouted(String slug) {
        Tenant tenant = require(slug);
        Instant now = clock.instant();
        tenant.brands().forEach(brand -> brand.hosts().forEach(host -> host.markRouted(now)));
        tenant.moveTo(tenant.status(), now);
        tenants.bumpRoutingVersion();
    }

    /**
     * Moves a tenant to a lifecycle status if the lifecycle allows it. Used by provisioning (to active, to failed,
     * back to provisioning on retry) and by platform staff (suspend, resume).
     */
    @Transactional
    public TransitionResult moveTo(String slug, TenantStatus target) {
        return moveTo(slug, target, PlatformActor.SYSTEM);
    }

    /** The same, done by a person (platform staff suspending, resuming, offboarding): announced with who did it. */
    @Transactional
    public TransitionResult moveTo(String slug, TenantStatus target, PlatformActor actor) {
        Optional<Tenant> found = tenants.findBySlug(slug);
        if (found.isEmpty()) {
            return new TransitionResult.UnknownTenant(slug);
        }
        Tenant tenant = found.get();
        TenantStatus from = tenant.status();
        if (!TenantLifecycle.allows(from, target)) {
            return new TransitionResult.NotAllowed(from, target);
        }
        if (from != target) {
            tenant.moveTo(target, clock.instant());
            tenants.bumpRoutingVersion();
            events.publishEvent(new TenantStatusChanged(tenant.id(), slug, from, target, actor));
            log.info("tenant {} moved from {} to {}", slug, from.wireName(), target.wireName());
        }
        return new TransitionResult.Moved(view(tenant));
    }

    private Tenant require(String slug) {
        return tenants.findBySlug(slug).orElseThrow(() -> new IllegalStateException("no tenant " + slug));
    }

    private TenantView view(Tenant tenant) {
        List<BrandView> brandViews = tenant.brands().stream().map(this::view).toList();
        return new TenantView(tenant.id(), tenant.slug(), tenant.operator().name(), tenant.operator().contactEmail(),
                tenant.operator().accountSubject(), tenant.status(), tenant.schemaName(), tenant.databaseCell(), tenant.createdAt(), tenant.updatedAt(),
                brandViews);
    }

    private BrandView view(Brand brand) {
        List<String> all = brand.hosts().stream().map(BrandHost::host).toList();
        List<String> routed = brand.hosts().stream().filter(BrandHost::routed).map(BrandHost::host).toList();
        return new BrandView(brand.id(), brand.slug(), brand.name(), all, routed, brand.themeName(),
                json.readValue(brand.themeJson(), JSON_OBJECT), brand.defaultCurrency(), List.copyOf(brand.currencies()),
                List.copyOf(brand.languages()), List.copyOf(brand.jurisdictions()));
    }
}
