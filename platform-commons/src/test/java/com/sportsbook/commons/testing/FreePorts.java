package com.sportsbook.commons.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers that a test starts a moment after choosing them (services in their own processes, Keycloak, an SMTP
 * server). A port the kernel hands out for {@code new ServerSocket(0)} comes from its ephemeral range, the same range
 * every outbound connection's local port comes from: while the platform starts, its services open dozens of
 * connections (to PostgreSQL, Keycloak, each other), and one of them could take the chosen port before its server binds
 * it (CI saw "Port 33249 was already in use" once). These ports are outside that range, free when chosen, and never
 * handed out twice in one JVM.
 */
public final class FreePorts {

    private static final int LOWEST = 20_000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /** A port no server listens on now, outside the ephemeral range, not handed out before by this JVM. */
    public static int take() {
        int[] ephemeral = ephemeralRange();
        for (int attempt = 0; attempt < 2_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, 65_536);
            if (port >= ephemeral[0] && port <= ephemeral[1]) {
                continue;
            }
            if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port outside the ephemeral range " + ephemeral[0] + "-" + ephemeral[1]);
    }

    /** The kernel's ephemeral range (Linux's default when it cannot be read). */
    static int[] ephemeralRange() {
        try {
            String[] bounds = Files.readString(EPHEMERAL_RANGE).trim().split("\\s+");
            return new int[] {Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1])};
        } catch (IOException | RuntimeException e) {
            return new int[] {32_768, 60_999};
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
