package com.sportsbook.systemtests;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A server-sent-events client for tests: every message (name and data) lands on a queue with its arrival time. */
final class LiveStream implements AutoCloseable {

    record Message(String name, String data, java.time.Instant receivedAt) {
    }

    private static final Executor READERS = Executors.newVirtualThreadPerTaskExecutor();

    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile int status;

    LiveStream(HttpClient client, String baseUrl, String host, String pathAndQuery) {
        this(client, baseUrl, Map.of("Host", host), pathAndQuery);
    }

    LiveStream(HttpClient client, String baseUrl, Map<String, String> headers, String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .header("Accept", "text/event-stream").GET();
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        // reading a stream blocks: each gets its own virtual thread, never one of the client's own threads
        response.thenAcceptAsync(answer -> {
            status = answer.statusCode();
            String[] name = {"message"};
            StringBuilder data = new StringBuilder();
            try {
                answer.body().forEach(line -> {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            messages.add(new Message(name[0], data.toString(), java.time.Instant.now()));
                        }
                        name[0] = "message";
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name[0] = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                });
            } catch (UncheckedIOException closed) {
                // the stream was closed
            }
        }, READERS);
    }

    static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    Message next(Duration within) {
        return next(within, "a live stream");
    }

    Message next(Duration within, String which) {
        try {
            Message message = messages.poll(within.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no message on " + which + " within " + within + " (status " + status + ", "
                        + (response.isCompletedExceptionally() ? "failed: " + response.exceptionNow() : "no failure") + ")");
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next message within the time, or null: for asserting that nothing came. */
    Message poll(Duration within) {
        try {
            return messages.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int status() {
        return status;
    }

    @Override
    public void close() {
        response.cancel(true);
        response.thenAccept(answer -> answer.body().close());
    }
}
