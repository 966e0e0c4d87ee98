package com.sportsbook.controlplane.provisioning;

import com.sportsbook.commons.TenantStatus;
import com.sportsbook.controlplane.tenants.Tenants;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Durable bookkeeping of runs: each call is its own transaction, so every step's record survives a crash. */
@Component
class ProvisioningJournal {

    private final ProvisioningRunRepository runs;
    private final Tenants tenants;
    private final Clock clock;

    ProvisioningJournal(ProvisioningRunRepository runs, Tenants tenants, Clock clock) {
        this.runs = runs;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Transactional
    public void open(String tenant) {
        runs.save(new ProvisioningRun(tenant, clock.instant()));
    }

    /** The steps still to run if the run could be claimed; empty if someone else runs it or it is complete. */
    @Transactional
    public Optional<List<ProvisioningStep>> claim(String tenant, boolean recoveringAfterRestart) {
        ProvisioningRun run = require(tenant);
        if (!run.claim(recoveringAfterRestart, clock.instant())) {
            return Optional.empty();
        }
        tenants.moveTo(tenant, TenantStatus.PROVISIONING);
        runs.saveAndFlush(run);
        return Optional.of(run.stepsNotDone());
    }

    @Transactional
    public void stepStarted(String tenant, ProvisioningStep step) {
        require(tenant).stepStarted(step, clock.instant());
    }

    @Transactional
    public void stepSucceeded(String tenant, ProvisioningStep step) {
        require(tenant).stepSucceeded(step, clock.instant());
    }

    @Transactional
    public void stepFailed(String tenant, ProvisioningStep step, String error) {
        require(tenant).stepFailed(step, error, clock.instant());
        tenants.moveTo(tenant, TenantStatus.PROVISIONING_FAILED);
    }

    /** Something outside the steps broke the run: leave it failed at the step it was on, so it can be retried. */
    @Transactional
    public void interrupted(String tenant, String error) {
        ProvisioningRun run = require(tenant);
        ProvisioningStep current = run.stepsNotDone().stream().findFirst().orElse(ProvisioningStep.ACTIVE);
        run.stepFailed(current, error, clock.instant());
        tenants.moveTo(tenant, TenantStatus.PROVISIONING_FAILED);
    }

    @Transactional
    public void completed(String tenant) {
        require(tenant).completed(clock.instant());
    }

    @Transactional(readOnly = true)
    public Optional<ProvisioningResource> read(String tenant) {
        return runs.findByTenantSlug(tenant).map(ProvisioningResource::from);
    }

    @Transactional(readOnly = true)
    public List<String> unfinished() {
        return runs.findByStatusIn(List.of(ProvisioningRun.Status.PENDING.name(), ProvisioningRun.Status.RUNNING.name()))
                .stream().map(ProvisioningRun::tenantSlug).toList();
    }

    @Transactional(readOnly = true)
    public Optional<ProvisioningRun.Status> status(String tenant) {
        return runs.findByTenantSlug(tenant).map(ProvisioningRun::status);
    }

    private ProvisioningRun require(String tenant) {
        return runs.findByTenantSlug(tenant)
                .orElseThrow(() -> new IllegalStateException("no provisioning run for tenant " + tenant));
    }
}
