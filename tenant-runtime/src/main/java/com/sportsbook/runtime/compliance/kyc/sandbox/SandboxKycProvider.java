package com.sportsbook.runtime.compliance.kyc.sandbox;

import com.sportsbook.commons.SandboxWebhookPoster;
import com.sportsbook.commons.SandboxWebhookPoster.Event;
import com.sportsbook.commons.SandboxWebhookPoster.Target;
import com.sportsbook.runtime.compliance.kyc.KycProvider;
import com.sportsbook.runtime.compliance.kyc.KycSettings;
import com.sportsbook.commons.WebhookSignature;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.DisposableBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An identity-verification provider that behaves like a real one, for the embedded mode and tests: it takes a case
 * at once (answering its reference), then decides later and says so by signed webhooks to the brand's host,
 * retrying with backoff until acknowledged and sometimes delivering twice. The player's last name chooses the
 * outcome, as test documents do at real providers:
 * <ul>
 *   <li>{@code Reject...}: rejected ({@code document_not_matching});</li>
 *   <li>{@code Review...}: needs a compliance officer's review ({@code partial_name_match});</li>
 *   <li>{@code Slow...}: approved after {@code slowVerdictAfter};</li>
 *   <li>{@code Twice...}: approved, the verdict delivered twice;</li>
 *   <li>anyone else: approved after {@code verdictAfter}, the identity document valid for five more years.</li>
 * </ul>
 * Every case first gets a {@code verification.processing} event. Webhook bodies: {@code {"id", "type", "created",
 * "data": {"reference", "verdict", "reason", "documentExpiresOn"}}}; header {@code Sandbox-Kyc-Signature: t=..,v1=..}.
 */
public final class SandboxKycProvider implements KycProvider, DisposableBean {

    public static final String NAME = "sandbox";
    public static final String SIGNATURE_HEADER = "Sandbox-Kyc-Signature";
    static final String PURPOSE = "sandbox-kyc-webhooks";

    private final KycSettings.Sandbox settings;
    private final WebhookSignature signature;
    private final JsonMapper json;
    private final Clock clock;
    private final SandboxWebhookPoster webhooks;
    private final Map<UUID, Submission> bySubmission = new ConcurrentHashMap<>();

    public SandboxKycProvider(KycSettings.Sandbox settings, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.signature = new WebhookSignature(settings.signingSecret(), PURPOSE);
        this.webhooks = new SandboxWebhookPoster("sandbox-kyc", URI.create(settings.webhookTarget().toString()
                .replaceAll("/+$", "") + "/api/v1/kyc/webhooks/" + NAME), SIGNATURE_HEADER, signature,
                settings.duplicateProbability(), clock);
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Submission submit(KycSubmission submission) {
        return bySubmission.computeIfAbsent(submission.submissionId(), id -> begin(submission));
    }

    private Submission begin(KycSubmission submission) {
        if (submission.documents().isEmpty()) {
            return new Submission.Refused("no documents");
        }
        String reference = "sbx_kyc_" + UUID.randomUUID().toString().replace("-", "");
        String last = submission.lastName() == null ? "" : submission.lastName().toLowerCase(Locale.ROOT);
        Target target = new Target(submission.tenant(), submission.brandHost());
        Duration after = last.startsWith("slow") ? settings.slowVerdictAfter() : settings.verdictAfter();
        Event outcome;
        if (last.startsWith("reject")) {
            outcome = event("verification.completed", reference, "rejected", "document_not_matching", null);
        } else if (last.startsWith("review")) {
            outcome = event("verification.completed", reference, "review", "partial_name_match", null);
        } else {
            outcome = event("verification.completed", reference, "approved", null,
                    LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusYears(5));
        }
        webhooks.schedule(target, event("verification.processing", reference, null, null, null), Duration.ofMillis(50));
        webhooks.schedule(target, outcome, after);
        if (last.startsWith("twice")) {
            webhooks.once(target, outcome, after.plusMillis(200));
        }
        return new Submission.Accepted(reference);
    }

    private Event event(String type, String reference, String verdict, String reason, LocalDate documentExpiresOn) {
        String id = "evt_kyc_" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reference", reference);
        data.put("verdict", verdict);
        data.put("reason", reason);
        data.put("documentExpiresOn", documentExpiresOn == null ? null : documentExpiresOn.toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type);
        body.put("created", clock.instant().getEpochSecond());
        body.put("data", data);
        return new Event(id, json.writeValueAsBytes(body));
    }

    @Override
    public Webhook verify(String tenant, byte[] rawBody, Map<String, String> lowerCaseHeaders) {
        var problem = signature.problem(tenant, rawBody, lowerCaseHeaders.get(SIGNATURE_HEADER.toLowerCase(Locale.ROOT)),
                clock.instant());
        if (problem.isPresent()) {
            return new Webhook.Forged(problem.get());
        }
        JsonNode body;
        try {
            body = json.readTree(rawBody);
        } catch (RuntimeException unreadable) {
            return new Webhook.Forged("the body is not JSON");
        }
        if (!body.path("id").isString() || body.path("id").asString().isBlank()) {
            return new Webhook.Forged("the event has no id");
        }
        JsonNode data = body.path("data");
        String type = body.path("type").asString("");
        Outcome outcome = switch (type) {
            case "verification.processing" -> Outcome.PROCESSING;
            case "verification.completed" -> switch (text(data, "verdict") == null ? "" : text(data, "verdict")) {
                case "approved" -> Outcome.APPROVED;
                case "rejected" -> Outcome.REJECTED;
                case "review" -> Outcome.NEEDS_REVIEW;
                default -> Outcome.OTHER;
            };
            default -> Outcome.OTHER;
        };
        LocalDate documentExpiresOn;
        try {
            documentExpiresOn = text(data, "documentExpiresOn") == null ? null : LocalDate.parse(text(data, "documentExpiresOn"));
        } catch (RuntimeException unreadable) {
            documentExpiresOn = null;
        }
        return new Webhook.Verified(new Verdict(body.path("id").asString(), type, text(data, "reference"), outcome,
                text(data, "reason"), documentExpiresOn, Instant.ofEpochSecond(body.path("created").asLong())));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString(null);
    }

    /** Signs a body as the sandbox does: for tests that play the provider's part (recorded payloads, forgeries). */
    public String sign(String tenant, byte[] body, Instant at) {
        return signature.header(tenant, body, at);
    }

    @Override
    public void destroy() {
        webhooks.close();
    }
}
