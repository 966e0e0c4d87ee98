package com.sportsbook.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.TrustedHeaders;
import com.sportsbook.commons.testing.RealmAccounts;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Push latency from ingestion to a connected client with 1,000 clients on one event, through the gateway: the
 * platform as three services, the clients as server-sent-event streams, a price change pushed into the feed every
 * 250 ms. Latency is the client's arrival time less the change's ingestion time (one machine, one clock).
 * Run by {@code scripts/bench-push}; skipped in CI.
 */
@EnabledIfSystemProperty(named = "push.benchmark", matches = "true")
class PushLatencyBenchmarkIT {

    private static final int CLIENTS = Integer.getInteger("push.benchmark.clients", 1000);
    private static final int CHANGES = Integer.getInteger("push.benchmark.changes", 40);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOST = "push.localhost";

    @Test
    void measurePushLatencyWithAThousandClients() throws Exception {
        try (RunningPlatform platform = new RunningPlatform()) {
            platform.start();
            try (RealmAccounts accounts = new RealmAccounts(platform.keycloak)) {
                platform.provisionTenant(accounts, "push", HOST);
            }
            Instant start = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
            push(platform, """
                    {"type":"event","eventRef":"bench:1","version":1,"sport":"football","category":"England","competition":"Premier League","home":"Arsenal","away":"Spurs","startsAt":"%s","status":"live","score":{"home":0,"away":0}}
                    {"type":"market","eventRef":"bench:1","version":2,"marketRef":"bench:1:1x2","marketType":"1x2","status":"open","prices":{"home":"2.00","draw":"3.40","away":"3.80"}}
                    """.formatted(start));
            String event = platform.edge().get("/api/v1/events/live").host(HOST).send().json().at("/items/0/id").asString();

            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
            List<LiveStream> streams = new ArrayList<>();
            String base = "http://127.0.0.1:" + platform.gatewayPort;
            for (int i = 0; i < CLIENTS; i++) {
                streams.add(new LiveStream(client, base, HOST, "/api/v1/live?events=" + event));
            }
            int connected = 0;
            for (LiveStream stream : streams) {
                LiveStream.Message first = stream.next(Duration.ofSeconds(60), "stream " + connected + " of " + CLIENTS);
                assertThat(first.name()).isEqualTo("snapshot");
                connected++;
            }
            for (int i = 0; i < CHANGES; i++) {
                String home = "%.2f".formatted(i % 2 == 0 ? 1.90 : 2.05);
                push(platform, """
                        {"type":"market","eventRef":"bench:1","version":%d,"marketRef":"bench:1:1x2","marketType":"1x2","status":"open","prices":{"home":"%s","draw":"3.40","away":"3.80"}}
                        """.formatted(3 + i, home));
                Thread.sleep(250);
            }
            long[] micros = new long[CLIENTS * CHANGES];
            int n = 0;
            for (LiveStream stream : streams) {
                for (int i = 0; i < CHANGES; i++) {
                    LiveStream.Message message = stream.next(Duration.ofSeconds(30));
                    JsonNode change = JSON.readTree(message.data());
                    micros[n++] = ChronoUnit.MICROS.between(Instant.parse(change.get("ingestedAt").asString()), message.receivedAt());
                }
                stream.close();
            }
            Arrays.sort(micros);
            String report = "push latency, ingestion to client through the gateway: %d clients x %d changes = %d deliveries, "
                    + "p50 %.1f ms, p99 %.1f ms, max %.1f ms";
            String line = report.formatted(CLIENTS, CHANGES, n, micros[n / 2] / 1000.0, micros[(int) Math.ceil(n * 0.99) - 1] / 1000.0,
                    micros[n - 1] / 1000.0);
            System.out.println(line);
            Path out = Path.of("target", "benchmarks", "push.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static void push(RunningPlatform platform, String lines) throws IOException {
        int status = platform.runtimeDirectly().post("/internal/feeds/messages", lines).header("Content-Type", "application/x-ndjson")
                .header(TrustedHeaders.INTERNAL_TOKEN, RunningPlatform.INTERNAL_TOKEN).send().status();
        assertThat(status).isEqualTo(200);
    }
}
