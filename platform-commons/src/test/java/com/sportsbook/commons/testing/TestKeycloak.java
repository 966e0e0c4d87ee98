package com.sportsbook.commons.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak for identity tests. scripts/test starts one per test run and names it with {@code KEYCLOAK_URL},
 * {@code KEYCLOAK_ADMIN_USERNAME} and {@code KEYCLOAK_ADMIN_PASSWORD}; without those, the first test that needs one
 * starts the distribution the build unpacked into {@code .run/keycloak-dist/} (dev mode, in-memory store) and stops
 * it when the JVM exits.
 */
public final class TestKeycloak {

    public record Server(String url, String adminUsername, String adminPassword) {
    }

    private static Server server;
    private static Process process;

    private TestKeycloak() {
    }

    public static synchronized Server server() {
        if (server != null) {
            return server;
        }
        String url = System.getenv("KEYCLOAK_URL");
        if (url != null && !url.isBlank()) {
            server = new Server(url, envOr("KEYCLOAK_ADMIN_USERNAME", "admin"), envOr("KEYCLOAK_ADMIN_PASSWORD", "admin"));
            return server;
        }
        server = start();
        return server;
    }

    private static Server start() {
        String version = System.getProperty("keycloak.server.version", "26.7.3");
        String root = envOr("PLATFORM_REPO_ROOT", Path.of("..").toAbsolutePath().normalize().toString());
        Path home = Path.of(root, ".run", "keycloak-dist", "keycloak-" + version);
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak at " + home + ": run scripts/test, or the module's"
                    + " pre-integration-test phase, which unpacks it from Maven Central");
        }
        int port = FreePorts.take();
        int management = FreePorts.take();
        String password = UUID.randomUUID().toString();
        Path log = Path.of("target", "keycloak.log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--db=dev-mem", "--http-port=" + port, "--http-management-port=" + management, "--health-enabled=true"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", password);
        builder.environment().put("JAVA_HOME", ProcessHandle.current().info().command()
                .map(java -> Path.of(java).getParent().getParent().toString()).orElseThrow());
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Keycloak", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(TestKeycloak::stop, "keycloak-stop"));
        String url = "http://127.0.0.1:" + port;
        awaitReady(URI.create(url + "/realms/master"), log);
        return new Server(url, "admin", password);
    }

    private static void awaitReady(URI probe, Path log) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (client.send(HttpRequest.newBuilder(probe).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Keycloak was not ready within 4 minutes; see " + log);
    }

    private static void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
