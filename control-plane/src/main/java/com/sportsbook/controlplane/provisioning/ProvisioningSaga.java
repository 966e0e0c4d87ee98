package com.sportsbook.controlplane.provisioning;

import java.util.List;
import java.util.Map;

/**
 * Runs the steps not yet done, in order, stopping at the first failure. It keeps no state of its own: the journal
 * records each step, so a rerun after a failure or a crash resumes at the first step not done.
 */
final class ProvisioningSaga {

    /** One step's work for one tenant. Must be idempotent: it may run again after a crash. */
    @FunctionalInterface
    interface StepAction {
        void execute(String tenant) throws Exception;
    }

    /** Where the saga writes what happens, durably, before it moves on. */
    interface Journal {
        void stepStarted(ProvisioningStep step);

        void stepSucceeded(ProvisioningStep step);

        void stepFailed(ProvisioningStep step, String error);
    }

    sealed interface Outcome {
        record Completed() implements Outcome {
        }

        record Failed(ProvisioningStep step, String error) implements Outcome {
        }
    }

    private final Map<ProvisioningStep, StepAction> actions;

    ProvisioningSaga(Map<ProvisioningStep, StepAction> actions) {
        for (ProvisioningStep step : ProvisioningStep.values()) {
            if (!actions.containsKey(step)) {
                throw new IllegalArgumentException("no action for step " + step);
            }
        }
        this.actions = Map.copyOf(actions);
    }

    Outcome run(String tenant, List<ProvisioningStep> notDone, Journal journal) {
        List<ProvisioningStep> ordered = notDone.stream().sorted().toList();
        for (ProvisioningStep step : ordered) {
            journal.stepStarted(step);
            try {
                actions.get(step).execute(tenant);
            } catch (Exception e) {
                String error = describe(e);
                journal.stepFailed(step, error);
                return new Outcome.Failed(step, error);
            }
            journal.stepSucceeded(step);
        }
        return new Outcome.Completed();
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
