package com.sportsbook.runtime.compliance.kyc;

import com.sportsbook.runtime.compliance.kyc.core.Actor;
import com.sportsbook.runtime.compliance.kyc.core.KycCommand;
import com.sportsbook.runtime.tenancy.TenantContext;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Applies the provider's webhooks: verified on the raw body first (a forged one changes nothing), matched to the
 * case by the provider's reference, recorded once per provider event id (a redelivery is acknowledged and
 * ignored), and applied through the state machine in the same transaction. A verdict that no longer fits the case
 * (an officer decided first, a new round was opened) is recorded and refused as a value; an unknown reference is
 * not acknowledged, so the provider delivers it again (it may have overtaken our record of the submission).
 */
public final class KycWebhookIntake {

    private static final Logger log = LoggerFactory.getLogger(KycWebhookIntake.class);

    public sealed interface Outcome {
        record Applied(String result) implements Outcome {
        }

        record Duplicate() implements Outcome {
        }

        record Forged(String reason) implements Outcome {
        }

        record UnknownReference(String reference) implements Outcome {
        }
    }

    private final KycCases cases;
    private final KycProvider provider;
    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final Duration reverificationPeriod;
    private final Clock clock;

    KycWebhookIntake(KycCases cases, KycProvider provider, JdbcClient jdbc, TransactionOperations transactions,
            Duration reverificationPeriod, Clock clock) {
        this.cases = cases;
        this.provider = provider;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.reverificationPeriod = reverificationPeriod;
        this.clock = clock;
    }

    public String providerName() {
        return provider.name();
    }

    public Outcome receive(byte[] rawBody, Map<String, String> lowerCaseHeaders) {
        String tenant = TenantContext.require().slug().value();
        KycProvider.Webhook webhook = provider.verify(tenant, rawBody, lowerCaseHeaders);
        if (webhook instanceof KycProvider.Webhook.Forged forged) {
            log.warn("{} KYC webhook refused for tenant {}: {}", provider.name(), tenant, forged.reason());
            return new Outcome.Forged(forged.reason());
        }
        KycProvider.Verdict verdict = ((KycProvider.Webhook.Verified) webhook).verdict();
        String payload = new String(rawBody, StandardCharsets.UTF_8);
        return transactions.execute(status -> apply(verdict, payload));
    }

    private Outcome apply(KycProvider.Verdict verdict, String payload) {
        Optional<KycCases.CaseRow> found = verdict.reference() == null ? Optional.empty()
                : cases.lockByReference(provider.name(), verdict.reference());
        if (found.isEmpty()) {
            return new Outcome.UnknownReference(verdict.reference());
        }
        KycCases.CaseRow kase = found.get();
        int recorded = jdbc.sql("""
                INSERT INTO kyc_webhook_event (provider, event_id, type, reference, case_id, payload, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (provider, event_id) DO NOTHING""")
                .params(provider.name(), verdict.eventId(), verdict.type(), verdict.reference(), kase.id(), payload,
                        Timestamp.from(clock.instant()))
                .update();
        if (recorded == 0) {
            return new Outcome.Duplicate();
        }
        Actor actor = Actor.provider(provider.name());
        String because = provider.name() + " " + verdict.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + (verdict.reason() == null ? "" : ": " + verdict.reason());
        String result = switch (verdict.outcome()) {
            case APPROVED -> result(cases.apply(kase, new KycCommand.Approve(expiry(verdict), because), actor), "verified");
            case REJECTED -> result(cases.apply(kase, new KycCommand.Reject(because), actor), "rejected");
            case NEEDS_REVIEW -> {
                String referred = result(cases.apply(kase, new KycCommand.Refer(because), actor), "referred");
                if (referred.equals("referred")) {
                    cases.providerVerdict(kase.id(), "needs_review");
                }
                yield referred;
            }
            case PROCESSING, OTHER -> "ignored";
        };
        if (verdict.outcome() == KycProvider.Outcome.APPROVED || verdict.outcome() == KycProvider.Outcome.REJECTED) {
            if (!result.startsWith("ignored")) {
                cases.providerVerdict(kase.id(), verdict.outcome().name().toLowerCase(Locale.ROOT));
            }
        }
        jdbc.sql("UPDATE kyc_webhook_event SET outcome = ? WHERE provider = ? AND event_id = ?")
                .params(result, provider.name(), verdict.eventId()).update();
        log.info("{} KYC event {} ({}) on case {}: {}", provider.name(), verdict.eventId(), verdict.type(), kase.id(), result);
        return new Outcome.Applied(result);
    }

    /** A verification holds for the platform's period, and never past the verified document's own expiry. */
    private Instant expiry(KycProvider.Verdict verdict) {
        Instant byPeriod = clock.instant().plus(reverificationPeriod);
        if (verdict.documentExpiresOn() == null) {
            return byPeriod;
        }
        Instant byDocument = verdict.documentExpiresOn().atStartOfDay(ZoneOffset.UTC).toInstant();
        return byDocument.isBefore(byPeriod) ? byDocument : byPeriod;
    }

    private static String result(KycCases.Applied applied, String moved) {
        return applied instanceof KycCases.Applied.Refused refused ? "ignored_" + refused.code() : moved;
    }
}
