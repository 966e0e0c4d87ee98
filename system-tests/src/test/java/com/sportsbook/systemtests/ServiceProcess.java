package com.sportsbook.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One of the platform's services, started from its built executable jar as a separate JVM. */
final class ServiceProcess {

    private final String name;
    private final Path jar;
    private final Map<String, String> environment;
    private final URI readiness;
    private final Path log;
    private Process process;
    private Duration lastStartup;

    ServiceProcess(String name, Path jar, Map<String, String> environment, URI readiness, Path logDirectory) {
        this.name = name;
        this.jar = jar;
        this.environment = Map.copyOf(environment);
        this.readiness = readiness;
        this.log = logDirectory.resolve(name + ".log");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (mvn package), or run scripts/test");
        }
    }

    void start() {
        String java = ProcessHandle.current().info().command().orElse("java");
        // quick to start for functional tests; benchmarks pass their own (-Dservices.jvm-options="...")
        String options = System.getProperty("services.jvm-options",
                "-Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(List.of(options.trim().split("\\s+")));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(key -> key.startsWith("DATABASE_") || key.startsWith("PLATFORM_")
                || key.startsWith("KEYCLOAK_") || key.startsWith("UNLEASH_"));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Waits until the service reports ready; returns how long that took from start. */
    Duration awaitReady(long startedNanos, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    lastStartup = Duration.ofNanos(System.nanoTime() - startedNanos);
                    return lastStartup;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The running JVM's process id (for CPU accounting). */
    long pid() {
        return process.pid();
    }

    Duration lastStartup() {
        return lastStartup;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
