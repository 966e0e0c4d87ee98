package com.sportsbook.controlplane.audit;

import com.sportsbook.commons.TenantStatus;
import com.sportsbook.controlplane.audit.core.AuditEntry;
import com.sportsbook.controlplane.credentials.CredentialsRotationFinished;
import com.sportsbook.controlplane.credentials.CredentialsRotationSecretFailed;
import com.sportsbook.controlplane.credentials.CredentialsRotationStarted;
import com.sportsbook.controlplane.credentials.CredentialsStored;
import com.sportsbook.controlplane.flags.FlagChangeRecorded;
import com.sportsbook.controlplane.provisioning.TenantProvisioningRetried;
import com.sportsbook.controlplane.provisioning.TenantProvisioningStarted;
import com.sportsbook.controlplane.provisioning.TenantSchemasUpgradeStarted;
import com.sportsbook.controlplane.signup.OperatorSignupVerified;
import com.sportsbook.controlplane.tenants.BrandEdited;
import com.sportsbook.controlplane.tenants.BrandLogoUploaded;
import com.sportsbook.controlplane.tenants.PlatformActor;
import com.sportsbook.controlplane.tenants.TenantStatusChanged;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the other modules' events into audit records. Synchronous, so a record is written in the transaction that
 * published its event (the action and its record commit together, or neither does); an event published outside a
 * transaction is recorded in one of its own.
 */
@Component
class PlatformAuditListener {

    private final PlatformAudit audit;

    PlatformAuditListener(PlatformAudit audit) {
        this.audit = audit;
    }

    @EventListener
    void on(TenantProvisioningStarted event) {
        audit.record(new AuditEntry("tenant.created", event.tenant(), actor(event.actor()), detail(
                "operator", event.operatorName(), "brand", event.brand(), "hosts", event.hosts(),
                "jurisdictions", event.jurisdictions(), "provisioning", "started")));
    }

    @EventListener
    void on(TenantProvisioningRetried event) {
        audit.record(new AuditEntry("tenant.provisioning_retried", event.tenant(), actor(event.actor()), detail(
                "failedStep", event.failedStep(), "error", event.error())));
    }

    @EventListener
    void on(TenantStatusChanged event) {
        String action = lifecycleAction(event.from(), event.to());
        if (action != null) {
            audit.record(new AuditEntry(action, event.tenant(), actor(event.actor()), detail(
                    "from", event.from().wireName(), "to", event.to().wireName())));
        }
    }

    /** Back to provisioning is the retry, recorded as such with who retried. */
    static String lifecycleAction(TenantStatus from, TenantStatus to) {
        return switch (to) {
            case SUSPENDED -> "tenant.suspended";
            case ACTIVE -> from == TenantStatus.SUSPENDED ? "tenant.resumed" : "tenant.activated";
            case OFFBOARDING -> "tenant.offboarded";
            case ARCHIVED -> "tenant.archived";
            case PROVISIONING_FAILED -> "tenant.provisioning_failed";
            case PROVISIONING -> null;
        };
    }

    @EventListener
    void on(BrandEdited event) {
        audit.record(new AuditEntry("brand.edited", event.tenant(), actor(event.actor()), detail(
                "brand", event.brand(), "changed", event.changed())));
    }

    @EventListener
    void on(BrandLogoUploaded event) {
        audit.record(new AuditEntry("brand.logo_uploaded", event.tenant(), actor(event.actor()), detail(
                "brand", event.brand(), "contentType", event.contentType(), "width", event.width(),
                "height", event.height(), "bytes", event.bytes(), "version", event.version())));
    }

    @EventListener
    void on(CredentialsStored event) {
        audit.record(new AuditEntry("credentials.stored", event.tenant(), actor(event.actor()), detail(
                "purpose", event.purpose(), "lastFour", new TreeMap<>(event.lastFour()))));
    }

    @EventListener
    void on(CredentialsRotationStarted event) {
        audit.record(new AuditEntry("credentials.rotation_started", null, actor(event.actor()), detail(
                "rotation", event.rotation().toString(), "targetKey", event.targetKeyId(), "secrets", event.secrets())));
    }

    @EventListener
    void on(CredentialsRotationFinished event) {
        audit.record(new AuditEntry("credentials.rotation_finished", null, actor(event.actor()), detail(
                "rotation", event.rotation().toString(), "targetKey", event.targetKeyId(), "outcome", event.outcome(),
                "rewrapped", event.rewrapped(), "replacedMeanwhile", event.replacedMeanwhile(), "failed", event.failed())));
    }

    /** Names the secret by tenant, purpose, field and key, never by value. */
    @EventListener
    void on(CredentialsRotationSecretFailed event) {
        audit.record(new AuditEntry("credentials.rotation_secret_failed", event.tenant(), actor(PlatformActor.SYSTEM), detail(
                "rotation", event.rotation().toString(), "purpose", event.purpose(), "field", event.field(),
                "key", event.keyId(), "reason", event.reason())));
    }

    @EventListener
    void on(OperatorSignupVerified event) {
        audit.record(new AuditEntry("operator.signup_verified", null,
                new AuditEntry.Actor(event.accountId(), event.email(), event.email()), detail(
                        "signup", event.signupId().toString(), "company", event.company(),
                        "termsVersion", event.termsVersion())));
    }

    @EventListener
    void on(FlagChangeRecorded event) {
        audit.record(new AuditEntry("flag." + event.action(), null, new AuditEntry.Actor(event.actorId(), event.actorName(), null),
                detail("flag", event.key(), "version", event.version(), "reason", event.reason(),
                        "before", event.before(), "after", event.after())));
    }

    @EventListener
    void on(TenantSchemasUpgradeStarted event) {
        audit.record(new AuditEntry("schemas.upgrade_started", null, actor(event.actor()), detail(
                "tenants", event.tenants(), "startedAt", event.startedAt().toString())));
    }

    private static AuditEntry.Actor actor(PlatformActor actor) {
        PlatformActor who = actor == null ? PlatformActor.SYSTEM : actor;
        return new AuditEntry.Actor(who.subject(), who.name(), who.email());
    }

    /** Name-value pairs, in order, leaving out the absent ones. */
    private static Map<String, Object> detail(Object... pairs) {
        Map<String, Object> detail = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                detail.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return detail;
    }
}
