package com.sportsbook.controlplane.provisioning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** One step of a run: pending, running, done or failed, with its timestamps, attempts and last error. */
@Entity
@Table(name = "provisioning_step")
class ProvisioningStepState {

    enum Status {
        PENDING, RUNNING, DONE, FAILED;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "run_id")
    private ProvisioningRun run;

    @Column(nullable = false)
    private String step;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column
    private String error;

    protected ProvisioningStepState() {
    }

    ProvisioningStepState(ProvisioningRun run, ProvisioningStep step) {
        this.id = UUID.randomUUID();
        this.run = run;
        this.step = step.wireName();
        this.position = step.ordinal();
        this.status = Status.PENDING.name();
    }

    void started(Instant now) {
        status = Status.RUNNING.name();
        attempts++;
        startedAt = now;
        finishedAt = null;
        error = null;
    }

    void succeeded(Instant now) {
        status = Status.DONE.name();
        finishedAt = now;
    }

    void failed(String message, Instant now) {
        status = Status.FAILED.name();
        finishedAt = now;
        error = message;
    }

    boolean done() {
        return status() == Status.DONE;
    }

    ProvisioningStep step() {
        return ProvisioningStep.fromWireName(step);
    }

    Status status() {
        return Status.valueOf(status);
    }

    int attempts() {
        return attempts;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    String error() {
        return error;
    }
}
