package com.sportsbook.controlplane.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvisioningSagaTest {

    private final List<String> journal = new ArrayList<>();
    private final List<ProvisioningStep> executed = new ArrayList<>();
    private final Map<ProvisioningStep, Integer> failuresLeft = new EnumMap<>(ProvisioningStep.class);

    private final ProvisioningSaga.Journal recorder = new ProvisioningSaga.Journal() {
        @Override
        public void stepStarted(ProvisioningStep step) {
            journal.add("started " + step.wireName());
        }

        @Override
        public void stepSucceeded(ProvisioningStep step) {
            journal.add("done " + step.wireName());
        }

        @Override
        public void stepFailed(ProvisioningStep step, String error) {
            journal.add("failed " + step.wireName() + ": " + error);
        }
    };

    private ProvisioningSaga saga() {
        Map<ProvisioningStep, ProvisioningSaga.StepAction> actions = new EnumMap<>(ProvisioningStep.class);
        for (ProvisioningStep step : ProvisioningStep.values()) {
            actions.put(step, tenant -> {
                executed.add(step);
                int left = failuresLeft.getOrDefault(step, 0);
                if (left > 0) {
                    failuresLeft.put(step, left - 1);
                    throw new IllegalStateException("runtime unreachable");
                }
            });
        }
        return new ProvisioningSaga(actions);
    }

    @Test
    void runsEveryStepInOrderAndJournalsEachOne() {
        ProvisioningSaga.Outcome outcome = saga().run("acme", List.of(ProvisioningStep.values()), recorder);

        assertThat(outcome).isInstanceOf(ProvisioningSaga.Outcome.Completed.class);
        assertThat(executed).containsExactly(ProvisioningStep.values());
        assertThat(journal).containsExactly(
                "started schema_created", "done schema_created",
                "started migrations_applied", "done migrations_applied",
                "started identity_realm", "done identity_realm",
                "started seed_data", "done seed_data",
                "started hosts_routed", "done hosts_routed",
                "started active", "done active");
    }

    @Test
    void stopsAtTheFirstFailingStepAndReportsItsError() {
        failuresLeft.put(ProvisioningStep.SEED_DATA, 1);

        ProvisioningSaga.Outcome outcome = saga().run("acme", List.of(ProvisioningStep.values()), recorder);

        assertThat(outcome).isEqualTo(new ProvisioningSaga.Outcome.Failed(ProvisioningStep.SEED_DATA, "runtime unreachable"));
        assertThat(executed).containsExactly(ProvisioningStep.SCHEMA_CREATED, ProvisioningStep.MIGRATIONS_APPLIED,
                ProvisioningStep.IDENTITY_REALM, ProvisioningStep.SEED_DATA);
        assertThat(journal).last().isEqualTo("failed seed_data: runtime unreachable");
    }

    @Test
    void aRetryResumesFromTheFailedStepWithoutRepeatingDoneOnes() {
        failuresLeft.put(ProvisioningStep.SEED_DATA, 1);
        ProvisioningSaga saga = saga();
        saga.run("acme", List.of(ProvisioningStep.values()), recorder);
        executed.clear();

        List<ProvisioningStep> notDone = List.of(ProvisioningStep.SEED_DATA, ProvisioningStep.HOSTS_ROUTED, ProvisioningStep.ACTIVE);
        ProvisioningSaga.Outcome outcome = saga.run("acme", notDone, recorder);

        assertThat(outcome).isInstanceOf(ProvisioningSaga.Outcome.Completed.class);
        assertThat(executed).containsExactly(ProvisioningStep.SEED_DATA, ProvisioningStep.HOSTS_ROUTED, ProvisioningStep.ACTIVE);
    }

    @Test
    void stepsAreRunInSagaOrderWhateverOrderTheyAreGivenIn() {
        saga().run("acme", Arrays.asList(ProvisioningStep.ACTIVE, ProvisioningStep.SCHEMA_CREATED), recorder);

        assertThat(executed).containsExactly(ProvisioningStep.SCHEMA_CREATED, ProvisioningStep.ACTIVE);
    }

    @Test
    void aSagaWithoutAnActionForEveryStepCannotBeBuilt() {
        assertThatThrownBy(() -> new ProvisioningSaga(Map.of(ProvisioningStep.ACTIVE, tenant -> { })))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
