package com.sportsbook.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop HTTP load from wrk (Debian's package, written in C): each connection sends its next request when the
 * previous answer arrived, like a client waiting for its bet. A Lua script gives every request its own
 * Idempotency-Key, a player's token in turn (each wrk thread its own players; with several players per connection
 * a player's next bet goes out after the previous one was answered) and a random selection. wrk takes a small fraction of the CPU a JVM
 * client takes per request, which matters when the load and the platform share two cores.
 */
final class WrkLoad {

    /** What wrk measured: requests answered, how many were not 201, and the latency percentiles in microseconds. */
    record Result(long requests, long refused, Map<String, Long> errors, double seconds, long p50Micros, long p99Micros,
            long maxMicros) {
    }

    /** wrk's threads; each takes its own share of the players, so no player has two bets in flight at once. */
    private static final int THREADS = 2;
    private static final Pattern RESULT = Pattern.compile("^RESULT (.*)$", Pattern.MULTILINE);

    private WrkLoad() {
    }

    static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "wrk"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Places pre-match singles for {@code seconds} over {@code connections} connections. {@code headers} are sent on
     * every request (Host, or the gateway-signed tenant headers); {@code selections} are id and price pairs. With a
     * {@code rate} above zero the bets are paced to that many per second in all (each wrk thread sends its next bet at
     * its next slot, or at once when it is behind); zero sends each connection's next bet as soon as it is answered.
     */
    static Result placeSingles(String baseUrl, int connections, int seconds, int rate, List<String> authorizations,
            List<String[]> selections, Map<String, String> headers, Path workDir) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path script = workDir.resolve("placement-" + UUID.randomUUID() + ".lua");
        Files.writeString(script, luaScript(authorizations, selections, headers, rate));
        Process wrk = new ProcessBuilder("wrk", "-t", Integer.toString(THREADS), "-c", Integer.toString(connections), "-d", seconds + "s",
                "--timeout", "10s", "-s", script.toString(), baseUrl + "/api/v1/bets")
                .redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes());
        if (!wrk.waitFor(seconds + 60L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        Files.deleteIfExists(script);
        Matcher result = RESULT.matcher(output);
        if (!result.find()) {
            throw new IllegalStateException("wrk printed no result: " + output);
        }
        Map<String, Long> fields = new LinkedHashMap<>();
        for (String pair : result.group(1).trim().split(" ")) {
            String[] kv = pair.split("=", 2);
            fields.put(kv[0], Long.parseLong(kv[1]));
        }
        Map<String, Long> errors = new LinkedHashMap<>();
        fields.forEach((name, count) -> {
            if ((name.startsWith("status_") || name.startsWith("socket_")) && count > 0) {
                errors.put(name, count);
            }
        });
        long refused = fields.entrySet().stream().filter(e -> e.getKey().startsWith("status_"))
                .mapToLong(Map.Entry::getValue).sum();
        return new Result(fields.get("requests"), refused, errors, fields.get("duration_us") / 1e6, fields.get("p50_us"),
                fields.get("p99_us"), fields.get("max_us"));
    }

    private static String luaScript(List<String> authorizations, List<String[]> selections, Map<String, String> headers,
            int rate) {
        List<String> tokens = new ArrayList<>();
        authorizations.forEach(token -> tokens.add(lua(token)));
        List<String> offers = new ArrayList<>();
        selections.forEach(s -> offers.add("{" + lua(s[0]) + "," + lua(s[1]) + "}"));
        StringBuilder fixed = new StringBuilder();
        headers.forEach((name, value) -> fixed.append("  h[").append(lua(name)).append("] = ").append(lua(value)).append('\n'));
        return """
                local tokens = {%s}
                local offers = {%s}
                local threads = {}
                local counter = 0
                refused = {} -- a global: done() reads each thread's copy with thread:get
                local prefix
                function setup(thread)
                  thread:set("number", #threads + 1)
                  table.insert(threads, thread)
                end
                local mine = {}
                function init(args)
                  math.randomseed(os.time() * 1000 + number)
                  prefix = "%s-" .. number .. "-"
                  refused = {}
                  for i, token in ipairs(tokens) do
                    if (i - 1) %% %d == number - 1 then
                      table.insert(mine, token)
                    end
                  end
                end
                function request()
                  counter = counter + 1
                  local offer = offers[math.random(#offers)]
                  local h = {}
                %s  h["Content-Type"] = "application/json"
                  h["Authorization"] = mine[(counter %% #mine) + 1]
                  h["Idempotency-Key"] = prefix .. counter
                  local body = '{"type":"single","stake":{"amount":100,"currency":"EUR"},"oddsPolicy":"any",' ..
                    '"selections":[{"selectionId":"' .. offer[1] .. '","price":"' .. offer[2] .. '"}]}'
                  return wrk.format("POST", nil, h, body)
                end
                -- pacing: a monotonic clock through LuaJIT's FFI; a slot every interval ms per thread
                local interval = %s
                local ffi = require("ffi")
                ffi.cdef[[
                  typedef struct { long tv_sec; long tv_nsec; } wrk_timespec;
                  int clock_gettime(int clock, wrk_timespec *now);
                ]]
                local clock = ffi.new("wrk_timespec")
                local function millis()
                  ffi.C.clock_gettime(1, clock)
                  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1000000
                end
                local slot = nil
                if interval > 0 then
                  function delay()
                    local now = millis()
                    if slot == nil or slot < now then
                      slot = now
                    end
                    local wait = slot - now
                    slot = slot + interval
                    return math.floor(wait)
                  end
                end
                function response(status, headers, body)
                  if status ~= 201 then
                    local key = "status_" .. status
                    refused[key] = (refused[key] or 0) + 1
                  end
                end
                function done(summary, latency, requests)
                  local statuses = {}
                  for _, thread in ipairs(threads) do
                    local counts = thread:get("refused") or {}
                    for key, count in pairs(counts) do
                      statuses[key] = (statuses[key] or 0) + count
                    end
                  end
                  local line = string.format("RESULT requests=%%d duration_us=%%d p50_us=%%d p99_us=%%d max_us=%%d",
                    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max)
                  line = line .. string.format(" socket_connect=%%d socket_read=%%d socket_write=%%d socket_timeout=%%d",
                    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout)
                  for key, count in pairs(statuses) do
                    line = line .. " " .. key .. "=" .. count
                  end
                  io.write(line .. "\\n")
                end
                """.formatted(String.join(",", tokens), String.join(",", offers), UUID.randomUUID(), THREADS, fixed,
                        rate > 0 ? String.valueOf(THREADS * 1000.0 / rate) : "0");
    }

    private static String lua(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
