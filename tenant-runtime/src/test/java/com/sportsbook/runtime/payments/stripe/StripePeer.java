package com.sportsbook.runtime.payments.stripe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A local HTTP peer standing in for api.stripe.com: it answers PaymentIntent and Refund creation with the JSON
 * Stripe documents, declines cards for amounts ending in 01 as Stripe's test cards do, honours idempotency keys
 * (the same key answers the first response again), answers a revoked key ({@code sk_test_revoked}) with 401 as Stripe
 * answers an invalid API key, and records every request for assertions.
 */
final class StripePeer implements AutoCloseable {

    record Request(String method, String path, Map<String, String> form, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private record Answer(int status, String body) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> byIdempotencyKey = new ConcurrentHashMap<>();
    private final HttpServer server;
    private int sequence;

    StripePeer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = body.isEmpty() ? Map.of() : java.util.Arrays.stream(body.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "", (a, b) -> b));
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), form,
                Map.copyOf(exchange.getRequestHeaders()));
        requests.add(request);
        String key = request.header("Idempotency-Key");
        Answer answer = key != null && byIdempotencyKey.containsKey(key) ? byIdempotencyKey.get(key) : answer(request);
        if (key != null) {
            byIdempotencyKey.putIfAbsent(key, answer);
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", "req_" + (++sequence));
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private synchronized Answer answer(Request request) {
        if ("Bearer sk_test_revoked".equals(request.header("Authorization"))) {
            return new Answer(401, """
                    {"error": {"type": "invalid_request_error", "message": "Invalid API Key provided: sk_test_****oked"}}""");
        }
        if (request.path().equals("/v1/payment_intents") && request.method().equals("POST")) {
            long amount = Long.parseLong(request.form().get("amount"));
            if (amount % 100 == 1) {
                return new Answer(402, """
                        {"error": {"type": "card_error", "code": "card_declined", "decline_code": "generic_decline",
                          "message": "Your card was declined."}}""");
            }
            String id = "pi_3Peer" + (++sequence);
            return new Answer(200, """
                    {"id": "%s", "object": "payment_intent", "amount": %d, "amount_received": 0, "currency": "%s",
                     "status": "requires_payment_method", "client_secret": "%s_secret_peer", "livemode": false,
                     "created": 1764115200, "metadata": {"payment_id": "%s"}}"""
                    .formatted(id, amount, request.form().get("currency"), id, request.form().get("metadata[payment_id]")));
        }
        if (request.path().equals("/v1/refunds") && request.method().equals("POST")) {
            return new Answer(200, """
                    {"id": "re_peer%d", "object": "refund", "amount": %s, "currency": "eur", "payment_intent": "%s",
                     "status": "succeeded", "created": 1764115200}"""
                    .formatted(++sequence, request.form().get("amount"), request.form().get("payment_intent")));
        }
        return new Answer(404, """
                {"error": {"type": "invalid_request_error", "message": "Unrecognized request URL."}}""");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
