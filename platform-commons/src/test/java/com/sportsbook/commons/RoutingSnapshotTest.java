package com.sportsbook.commons;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.routing.RoutingSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingSnapshotTest {

    private static RoutingSnapshot at(long version) {
        return new RoutingSnapshot(version, List.of(), List.of());
    }

    @Test
    void aLateAnswerToAnEarlierPollNeverReplacesANewerView() {
        assertThat(at(41).supersedes(at(42))).isFalse();
    }

    @Test
    void aNewerOrEqualSnapshotReplacesTheView() {
        assertThat(at(43).supersedes(at(42))).isTrue();
        assertThat(at(42).supersedes(at(42))).isTrue();
        assertThat(at(0).supersedes(RoutingSnapshot.empty())).isTrue();
    }
}
