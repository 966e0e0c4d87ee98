package com.sportsbook.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The S3 the runtime keeps KYC document ciphertext in: s3proxy over an in-memory ("transient") store, as a process
 * of its own, from the self-contained jar the tenant-runtime build copies ({@code copy-s3proxy}); its Jetty 11 does
 * not belong on any classpath of ours.
 */
final class LocalS3Proxy implements AutoCloseable {

    static final String IDENTITY = "system-test-s3-identity";
    static final String CREDENTIAL = "system-test-s3-credential";

    private final Process process;
    private final int port;

    private LocalS3Proxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static LocalS3Proxy start(Path root, int port, Path logs) {
        Path jar = root.resolve("tenant-runtime/target/s3proxy/s3proxy.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no s3proxy jar at " + jar + ": build tenant-runtime first (its copy-s3proxy execution)");
        }
        try {
            Files.createDirectories(logs);
            Path properties = logs.resolve("s3proxy.properties");
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + IDENTITY,
                    "s3proxy.credential=" + CREDENTIAL,
                    "jclouds.provider=transient",
                    "jclouds.identity=" + IDENTITY,
                    "jclouds.credential=" + CREDENTIAL) + "\n");
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
                    jar.toString(), "--properties", properties.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("s3proxy.log").toFile()))
                    .start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!answers(port)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("s3proxy did not start; see " + logs.resolve("s3proxy.log"));
                }
                Thread.sleep(100);
            }
            return new LocalS3Proxy(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
