package com.sportsbook.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * How many seconds the JIT compilers of some JVMs have spent so far, read with {@code jstat -compiler}, which maps each
 * JVM's performance data file and does not attach to it. A fresh service on a machine of two cores keeps compiling for
 * minutes under load, and that compiling is CPU the benchmark would otherwise count against each bet.
 */
final class JitActivity {

    private JitActivity() {
    }

    /** The sum over {@code pids} of their compilers' time so far, in seconds. */
    static double compileSeconds(Collection<Long> pids) {
        double total = 0;
        for (long pid : pids) {
            total += compileSeconds(pid);
        }
        return total;
    }

    private static double compileSeconds(long pid) {
        Path jstat = jstat();
        try {
            Process process = new ProcessBuilder(jstat.toString(), "-compiler", Long.toString(pid)).redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("jstat -compiler " + pid + " failed: " + output);
            }
            return parse(output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + jstat, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code jstat -compiler}'s two lines: "Compiled Failed Invalid Time FailedType FailedMethod" and their values. */
    static double parse(String output) {
        List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
        if (lines.size() < 2) {
            throw new IllegalArgumentException("not jstat -compiler output: " + output);
        }
        List<String> header = List.of(lines.get(0).trim().split("\\s+"));
        String[] values = lines.get(1).trim().split("\\s+");
        int time = header.indexOf("Time");
        if (time < 0 || time >= values.length) {
            throw new IllegalArgumentException("no Time column in jstat -compiler output: " + output);
        }
        return Double.parseDouble(values[time]);
    }

    static boolean available() {
        return Files.isExecutable(jstat());
    }

    /** The jstat of the JDK this JVM runs on. */
    private static Path jstat() {
        return Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jstat");
    }
}
