package com.sportsbook.commons.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void portsComeFromOutsideTheRangeOutboundConnectionsUseAndAreNeverHandedOutTwice() throws Exception {
        int[] ephemeral = FreePorts.ephemeralRange();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = FreePorts.take();
            assertThat(port).isBetween(20_000, 65_535);
            assertThat(port < ephemeral[0] || port > ephemeral[1]).as("port %d outside %d-%d", port, ephemeral[0], ephemeral[1])
                    .isTrue();
            assertThat(seen.add(port)).as("port %d handed out twice", port).isTrue();
        }
        // and a port handed out can be bound by the server it is for
        try (ServerSocket server = new ServerSocket(FreePorts.take())) {
            assertThat(server.isBound()).isTrue();
        }
    }
}
