package com.sportsbook.commons;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the sandbox providers (the PSP, the KYC provider) send their webhooks, as real providers do: to the platform's
 * webhook endpoint with the brand's host, signed ({@link WebhookSignature}) when sent, after a delay, a share of them
 * twice, and retried with doubling backoff on errors and non-2xx answers, six attempts at most.
 */
public final class SandboxWebhookPoster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SandboxWebhookPoster.class);
    private static final int ATTEMPTS = 6;

    /** Whose webhook it is and the host it is posted to (the brand's, so the gateway routes it to the tenant). */
    public record Target(String tenant, String host) {
    }

    /** A webhook body and its event id (for logs). */
    public record Event(String id, byte[] body) {
    }

    /** The signature header value of a tenant's webhook body at a moment (a tenant may have a signing key of its own). */
    @FunctionalInterface
    public interface Signer {
        String header(String tenant, byte[] body, Instant at);
    }

    private final String name;
    private final URI endpoint;
    private final String signatureHeader;
    private final Signer signature;
    private final double duplicateProbability;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ScheduledExecutorService deliveries;

    /**
     * @param name for thread names and logs ("sandbox-psp")
     * @param endpoint the full webhook URL (the gateway's, or the runtime's in tests)
     */
    public SandboxWebhookPoster(String name, URI endpoint, String signatureHeader, WebhookSignature signature,
            double duplicateProbability, Clock clock) {
        this(name, endpoint, signatureHeader, signature::header, duplicateProbability, clock);
    }

    /** @param signer signs each delivery when it is sent, so a tenant's rotated signing key applies to retries */
    public SandboxWebhookPoster(String name, URI endpoint, String signatureHeader, Signer signer,
            double duplicateProbability, Clock clock) {
        this.name = name;
        this.endpoint = endpoint;
        this.signatureHeader = signatureHeader;
        this.signature = signer;
        this.duplicateProbability = duplicateProbability;
        this.clock = clock;
        this.deliveries = Executors.newScheduledThreadPool(2, Thread.ofPlatform().name(name + "-", 0).daemon().factory());
    }

    /** Sends the event after {@code after}; a share of events is delivered a second time shortly after. */
    public void schedule(Target target, Event event, Duration after) {
        once(target, event, after);
        if (ThreadLocalRandom.current().nextDouble() < duplicateProbability) {
            once(target, event, after.plusMillis(150));
        }
    }

    /** Sends the event once after {@code after} (a scenario that delivers a duplicate on purpose calls it again). */
    public void once(Target target, Event event, Duration after) {
        deliveries.schedule(() -> deliver(target, event, 1), after.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void deliver(Target target, Event event, int attempt) {
        int status = -1;
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(10))
                    .header("Host", target.host())
                    .header("Content-Type", "application/json")
                    .header(signatureHeader, signature.header(target.tenant(), event.body(), clock.instant()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(event.body()))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            log.debug("{} webhook {} to {} failed: {}", name, event.id(), target.host(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            log.warn("{} webhook {} to {} could not be sent: {}", name, event.id(), target.host(), e.toString());
        }
        if (status / 100 != 2 && attempt < ATTEMPTS && !deliveries.isShutdown()) {
            long backoff = 250L << (attempt - 1);
            deliveries.schedule(() -> deliver(target, event, attempt + 1), backoff, TimeUnit.MILLISECONDS);
        } else if (status / 100 != 2) {
            log.warn("{} webhook {} to {} given up after {} attempts (last status {})", name, event.id(), target.host(),
                    attempt, status);
        }
    }

    @Override
    public void close() {
        deliveries.shutdownNow();
    }
}
