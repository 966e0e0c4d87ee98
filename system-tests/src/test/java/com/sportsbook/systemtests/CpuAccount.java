package com.sportsbook.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where a machine's CPU went between two readings of {@code /proc}: per named service process, the PostgreSQL
 * server's processes, Keycloak, the load generator (this JVM and the processes it ran and waited for) and everything
 * else, in clock ticks. Lets a benchmark
 * say how many milliseconds of CPU each part spends per operation on a machine where all of them share the cores.
 */
final class CpuAccount {

    private static final double MILLIS_PER_TICK = 10.0; // USER_HZ is 100 on Linux

    private final Map<String, Long> ticks;
    private final long machineBusy;
    private final long machineTotal;

    private CpuAccount(Map<String, Long> ticks, long machineBusy, long machineTotal) {
        this.ticks = ticks;
        this.machineBusy = machineBusy;
        this.machineTotal = machineTotal;
    }

    /** Reads every process now; {@code named} maps the pids to report by name (the rest is grouped by kind). */
    static CpuAccount read(Map<Long, String> named) {
        Map<String, Long> ticks = new TreeMap<>();
        long self = ProcessHandle.current().pid();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                long pid = Long.parseLong(p.getFileName().toString());
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    if (pid == self) {
                        // cutime, cstime: children waited for, such as a load generator process that has ended
                        used += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
                    }
                    ticks.merge(kind(pid, self, comm, p, named), used, Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the process ended while reading
                }
            });
        } catch (IOException e) {
            return new CpuAccount(Map.of(), 0, 0);
        }
        long busy = 0;
        long total = 0;
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                long value = Long.parseLong(cpu[i]);
                total += value;
                if (i != 4 && i != 5) { // idle, iowait
                    busy += value;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // no machine totals
        }
        return new CpuAccount(ticks, busy, total);
    }

    private static String kind(long pid, long self, String comm, Path process, Map<Long, String> named) throws IOException {
        if (named.containsKey(pid)) {
            return named.get(pid);
        }
        if (pid == self || comm.equals("wrk")) {
            return "load generator";
        }
        if (comm.equals("postgres") || comm.startsWith("postgres")) {
            // a server process's title says what it is ("postgres: 15/main: walwriter"); sessions are the backends
            String title = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
            for (String helper : List.of("walwriter", "checkpointer", "background writer", "autovacuum", "walsender",
                    "logical replication", "archiver")) {
                if (title.contains(helper)) {
                    return "postgresql " + helper;
                }
            }
            return "postgresql backends";
        }
        if (comm.equals("java") && Files.readString(process.resolve("cmdline")).contains("keycloak")) {
            return "keycloak";
        }
        return "other";
    }

    /** The share of the machine's CPU time that was busy between {@code before} and this reading (0 to 1). */
    double machineBusySince(CpuAccount before) {
        long total = machineTotal - before.machineTotal;
        return total == 0 ? 0 : (double) (machineBusy - before.machineBusy) / total;
    }

    /** Milliseconds of CPU per operation for each part between {@code before} and this reading, and the machine's use. */
    String perOperationSince(CpuAccount before, long operations) {
        Map<String, Double> perOperation = new LinkedHashMap<>();
        double sum = 0;
        for (Map.Entry<String, Long> entry : ticks.entrySet()) {
            long used = entry.getValue() - before.ticks.getOrDefault(entry.getKey(), 0L);
            if (used > 0) {
                double millis = used * MILLIS_PER_TICK / Math.max(1, operations);
                perOperation.put(entry.getKey(), millis);
                sum += millis;
            }
        }
        StringBuilder text = new StringBuilder("CPU per bet: ");
        perOperation.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> text.append("%s %.2f ms, ".formatted(e.getKey(), e.getValue())));
        // what the machine's cores could place at this CPU per bet with nothing else running: a paced rate near it
        // leaves no room for a burst to drain, whatever the code's own latency
        int cores = Runtime.getRuntime().availableProcessors();
        text.append("sum %.2f ms (%d cores: at most %.0f bets/s at this cost); machine busy %.0f %%".formatted(sum, cores,
                sum == 0 ? 0 : cores * 1000 / sum, 100 * machineBusySince(before)));
        return text.toString();
    }
}
