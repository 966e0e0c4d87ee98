package com.sportsbook.controlplane.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The JSON status resource of a tenant's provisioning, polled by the portal and by scripts. */
public record ProvisioningResource(
        String tenant,
        String status,
        int attempts,
        String currentStep,
        String failedStep,
        String error,
        int stepsDone,
        int stepsTotal,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt,
        Long durationMillis,
        List<Step> steps) {

    public record Step(String name, String status, int attempts, Instant startedAt, Instant finishedAt, String error) {
    }

    static ProvisioningResource from(ProvisioningRun run) {
        List<Step> steps = run.steps().stream()
                .map(state -> new Step(state.step().wireName(), state.status().wireName(), state.attempts(),
                        state.startedAt(), state.finishedAt(), state.error()))
                .toList();
        String current = run.steps().stream()
                .filter(state -> !state.done())
                .findFirst()
                .map(state -> state.step().wireName())
                .orElse(null);
        int done = (int) run.steps().stream().filter(ProvisioningStepState::done).count();
        Long duration = run.completedAt() == null ? null : Duration.between(run.createdAt(), run.completedAt()).toMillis();
        return new ProvisioningResource(run.tenantSlug(), run.status().wireName(), run.attempts(), current,
                run.failedStep(), run.lastError(), done, steps.size(), run.createdAt(), run.updatedAt(),
                run.completedAt(), duration, steps);
    }
}
