package com.sportsbook.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How long the disk takes to make a small write durable while a benchmark runs: an 8 KB write and a flush of its data
 * ({@code fdatasync}, PostgreSQL's WAL flush at every commit) every 10 ms, on a file of its own. A flush that stalls
 * holds every commit waiting on the same disk, so a run's tail can be read against the stalls it met.
 */
final class StorageLatency implements AutoCloseable {

    private final long everyNanos;
    private final Path file;
    private final Thread prober;
    private final List<Long> flushNanos = new ArrayList<>();
    private volatile boolean stopped;

    private StorageLatency(Path directory, int everyMillis) {
        this.everyNanos = everyMillis * 1_000_000L;
        this.file = directory.resolve("storage-latency-probe-" + ProcessHandle.current().pid());
        this.prober = everyMillis > 0 ? Thread.ofPlatform().daemon().name("storage-latency").start(this::probe) : null;
    }

    /**
     * Starts probing the disk that holds {@code directory}, a flush every {@code everyMillis} ms; 0 probes nothing
     * (the probe's own flushes share the disk with the server's, so a run can be compared without them).
     */
    static StorageLatency start(Path directory, int everyMillis) {
        return new StorageLatency(directory, everyMillis);
    }

    private void probe() {
        ByteBuffer page = ByteBuffer.allocate(8192);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            long position = 0;
            while (!stopped) {
                long started = System.nanoTime();
                page.clear();
                channel.write(page, position);
                position = (position + 8192) % (128 * 8192);
                long flushing = System.nanoTime();
                channel.force(false);
                long flushed = System.nanoTime();
                synchronized (flushNanos) {
                    flushNanos.add(flushed - flushing);
                }
                long rest = everyNanos - (flushed - started);
                if (rest > 0) {
                    Thread.sleep(rest / 1_000_000, (int) (rest % 1_000_000));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a probe file left behind is harmless
            }
        }
    }

    /** Stops probing and describes the flushes, for a report line. */
    String summary() {
        close();
        if (prober == null) {
            return "storage: not probed";
        }
        long[] sorted;
        synchronized (flushNanos) {
            sorted = flushNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        if (sorted.length == 0) {
            return "storage: no flush measured in " + file.getParent();
        }
        long stalls = Arrays.stream(sorted).filter(nanos -> nanos > 50_000_000L).count();
        return "storage: %d flushes of 8 KB (fdatasync) every %d ms in %s: p50 %.2f ms, p99 %.1f ms, max %.1f ms; %d over 50 ms"
                .formatted(sorted.length, everyNanos / 1_000_000, file.getParent(), millis(sorted, 0.50), millis(sorted, 0.99),
                        sorted[sorted.length - 1] / 1e6, stalls);
    }

    private static double millis(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    @Override
    public void close() {
        stopped = true;
        if (prober == null) {
            return;
        }
        try {
            prober.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
