package com.sportsbook.controlplane.provisioning;

import com.sportsbook.commons.TenantStatus;
import com.sportsbook.controlplane.identity.TenantRealms;
import com.sportsbook.controlplane.tenants.PlatformActor;
import com.sportsbook.controlplane.tenants.RegistrationResult;
import com.sportsbook.controlplane.tenants.TenantRegistration;
import com.sportsbook.controlplane.tenants.TenantView;
import com.sportsbook.controlplane.tenants.Tenants;
import com.sportsbook.controlplane.tenants.TransitionResult;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Onboards tenants: registers them and runs their provisioning saga in the background, resumes a failed run on
 * retry from the failed step, and after a restart picks up runs a crash interrupted.
 */
@Service
public class Provisioning implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Provisioning.class);

    private final Tenants tenants;
    private final ProvisioningJournal journal;
    private final ProvisioningSaga saga;
    private final ApplicationEventPublisher events;
    /** Platform threads: each run blocks on HTTP calls to the runtime and Keycloak (see application.yaml). */
    private final ExecutorService executor = Executors.newCachedThreadPool(Thread.ofPlatform().name("provisioning-", 0).factory());

    Provisioning(Tenants tenants, ProvisioningJournal journal, TenantRuntimeClient runtime, TenantRealms realms,
            ApplicationEventPublisher events) {
        this.tenants = tenants;
        this.journal = journal;
        this.events = events;
        Map<ProvisioningStep, ProvisioningSaga.StepAction> actions = new EnumMap<>(ProvisioningStep.class);
        actions.put(ProvisioningStep.SCHEMA_CREATED, runtime::createSchema);
        actions.put(ProvisioningStep.MIGRATIONS_APPLIED, runtime::migrate);
        actions.put(ProvisioningStep.IDENTITY_REALM, tenant -> {
            TenantView view = requireTenant(tenant);
            List<String> hosts = view.brands().stream().flatMap(brand -> brand.hosts().stream()).toList();
            realms.ensureTenantRealm(tenant, view.brands().getFirst().name(), hosts);
        });
        actions.put(ProvisioningStep.SEED_DATA, tenant -> runtime.seed(requireTenant(tenant)));
        actions.put(ProvisioningStep.HOSTS_ROUTED, tenants::markHostsRouted);
        actions.put(ProvisioningStep.ACTIVE, this::activate);
        this.saga = new ProvisioningSaga(actions);
    }

    /** Registers the tenant and, once that has committed, starts its provisioning in the background. */
    @Transactional
    public RegistrationResult onboard(TenantRegistration registration, PlatformActor actor) {
        RegistrationResult result = tenants.register(registration);
        if (result instanceof RegistrationResult.Registered registered) {
            String slug = registered.tenant().slug();
            journal.open(slug);
            events.publishEvent(new TenantProvisioningStarted(registered.tenant().id(), slug, registration.operatorName(),
                    registration.effectiveBrandSlug(), registration.hosts(), registration.jurisdictions(), actor));
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    startInBackground(slug, false);
                }
            });
        }
        return result;
    }

    public sealed interface RetryResult {
        record Started(ProvisioningResource run) implements RetryResult {
        }

        record NotFound() implements RetryResult {
        }

        record NotRetryable(String status) implements RetryResult {
        }
    }

    /** Resumes a failed run from its failed step. Only a failed run can be retried. */
    public RetryResult retry(String tenant, PlatformActor actor) {
        Optional<ProvisioningRun.Status> status = journal.status(tenant);
        if (status.isEmpty()) {
            return new RetryResult.NotFound();
        }
        if (status.get() != ProvisioningRun.Status.FAILED) {
            return new RetryResult.NotRetryable(status.get().wireName());
        }
        Optional<ProvisioningResource> failed = journal.read(tenant);
        Optional<List<ProvisioningStep>> claimed;
        try {
            claimed = journal.claim(tenant, false);
        } catch (ObjectOptimisticLockingFailureException concurrentRetry) {
            claimed = Optional.empty();
        }
        if (claimed.isEmpty()) {
            return new RetryResult.NotRetryable(ProvisioningRun.Status.RUNNING.wireName());
        }
        List<ProvisioningStep> steps = claimed.get();
        events.publishEvent(new TenantProvisioningRetried(tenant, failed.map(ProvisioningResource::failedStep).orElse(null),
                failed.map(ProvisioningResource::error).orElse(null), actor));
        executor.execute(() -> runClaimed(tenant, steps));
        return new RetryResult.Started(journal.read(tenant).orElseThrow());
    }

    public Optional<ProvisioningResource> status(String tenant) {
        return journal.read(tenant);
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeInterruptedRuns() {
        List<String> unfinished = journal.unfinished();
        if (!unfinished.isEmpty()) {
            log.info("resuming provisioning interrupted by a restart: {}", unfinished);
        }
        unfinished.forEach(tenant -> startInBackground(tenant, true));
    }

    private void startInBackground(String tenant, boolean recoveringAfterRestart) {
        executor.execute(() -> {
            Optional<List<ProvisioningStep>> claimed;
            try {
                claimed = journal.claim(tenant, recoveringAfterRestart);
            } catch (ObjectOptimisticLockingFailureException taken) {
                return;
            }
            claimed.ifPresent(steps -> runClaimed(tenant, steps));
        });
    }

    private void runClaimed(String tenant, List<ProvisioningStep> steps) {
        try {
            ProvisioningSaga.Outcome outcome = saga.run(tenant, steps, journalOf(tenant));
            switch (outcome) {
                case ProvisioningSaga.Outcome.Completed completed -> {
                    journal.completed(tenant);
                    log.info("tenant {} provisioned", tenant);
                }
                case ProvisioningSaga.Outcome.Failed failed ->
                        log.warn("provisioning of tenant {} failed at {}: {}", tenant, failed.step().wireName(), failed.error());
            }
        } catch (RuntimeException e) {
            log.error("provisioning of tenant {} stopped unexpectedly", tenant, e);
            try {
                journal.interrupted(tenant, "Provisioning stopped unexpectedly: " + e.getMessage());
            } catch (RuntimeException journalDown) {
                log.error("could not record the interruption of tenant {}; the run resumes at the next start", tenant, journalDown);
            }
        }
    }

    private ProvisioningSaga.Journal journalOf(String tenant) {
        return new ProvisioningSaga.Journal() {
            @Override
            public void stepStarted(ProvisioningStep step) {
                journal.stepStarted(tenant, step);
            }

            @Override
            public void stepSucceeded(ProvisioningStep step) {
                journal.stepSucceeded(tenant, step);
            }

            @Override
            public void stepFailed(ProvisioningStep step, String error) {
                journal.stepFailed(tenant, step, error);
            }
        };
    }

    private TenantView requireTenant(String slug) {
        return tenants.find(slug).orElseThrow(() -> new IllegalStateException("tenant " + slug + " no longer exists"));
    }

    private void activate(String tenant) {
        TransitionResult result = tenants.moveTo(tenant, TenantStatus.ACTIVE);
        if (!(result instanceof TransitionResult.Moved)) {
            throw new IllegalStateException("tenant " + tenant + " could not be activated: " + result);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
