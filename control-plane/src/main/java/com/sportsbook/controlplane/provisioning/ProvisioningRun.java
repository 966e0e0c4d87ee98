package com.sportsbook.controlplane.provisioning;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The provisioning saga of one tenant: its status and the record of every step. */
@Entity
@Table(name = "provisioning_run")
class ProvisioningRun {

    enum Status {
        PENDING, RUNNING, FAILED, COMPLETED;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    private UUID id;

    @Column(name = "tenant_slug", nullable = false, unique = true)
    private String tenantSlug;

    @Column(nullable = false)
    private String status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "failed_step")
    private String failedStep;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "run", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<ProvisioningStepState> steps = new ArrayList<>();

    protected ProvisioningRun() {
    }

    ProvisioningRun(String tenantSlug, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantSlug = tenantSlug;
        this.status = Status.PENDING.name();
        this.createdAt = now;
        this.updatedAt = now;
        for (ProvisioningStep step : ProvisioningStep.values()) {
            steps.add(new ProvisioningStepState(this, step));
        }
    }

    /** Takes the run for execution; false if it is not in a state to run (already running, or completed). */
    boolean claim(boolean recoveringAfterRestart, Instant now) {
        Status current = status();
        boolean claimable = current == Status.PENDING || current == Status.FAILED
                || recoveringAfterRestart && current == Status.RUNNING;
        if (!claimable) {
            return false;
        }
        status = Status.RUNNING.name();
        attempts++;
        failedStep = null;
        lastError = null;
        updatedAt = now;
        return true;
    }

    void stepStarted(ProvisioningStep step, Instant now) {
        step(step).started(now);
        updatedAt = now;
    }

    void stepSucceeded(ProvisioningStep step, Instant now) {
        step(step).succeeded(now);
        updatedAt = now;
    }

    void stepFailed(ProvisioningStep step, String error, Instant now) {
        step(step).failed(error, now);
        status = Status.FAILED.name();
        failedStep = step.wireName();
        lastError = error;
        updatedAt = now;
    }

    void completed(Instant now) {
        status = Status.COMPLETED.name();
        completedAt = now;
        updatedAt = now;
    }

    List<ProvisioningStep> stepsNotDone() {
        return steps.stream().filter(state -> !state.done()).map(ProvisioningStepState::step).toList();
    }

    private ProvisioningStepState step(ProvisioningStep step) {
        return steps.stream().filter(state -> state.step() == step).findFirst().orElseThrow();
    }

    String tenantSlug() {
        return tenantSlug;
    }

    Status status() {
        return Status.valueOf(status);
    }

    int attempts() {
        return attempts;
    }

    String failedStep() {
        return failedStep;
    }

    String lastError() {
        return lastError;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Instant completedAt() {
        return completedAt;
    }

    List<ProvisioningStepState> steps() {
        return steps;
    }
}
