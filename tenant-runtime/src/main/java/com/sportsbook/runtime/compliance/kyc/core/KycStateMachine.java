package com.sportsbook.runtime.compliance.kyc.core;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The KYC case's states and the only moves between them:
 * <pre>
 * not_started -> pending (documents requested) -> in_review -> verified | rejected
 * in_review   -> pending (an officer asks for more documents)
 * verified    -> expired (its period is over) -> pending (documents requested again)
 * rejected    -> pending (resubmission)
 * </pre>
 * Each command names who may give it. A move that is not allowed is refused as a value with a stable code and
 * nothing changes; every accepted command yields the case after it and the history line that records it.
 */
public final class KycStateMachine {

    public static final int MAX_REASON = 2000;

    private KycStateMachine() {
    }

    public sealed interface Outcome {
        record Moved(KycCase after, KycTransition transition) implements Outcome {
        }

        /** @param code stable and machine-readable: illegal_transition, actor_not_allowed, reason_required, ... */
        record Refused(String code, String detail) implements Outcome {
        }
    }

    public static Outcome decide(KycCase current, KycCommand command, Actor actor, Instant now) {
        KycState from = current.state();
        return switch (command) {
            case KycCommand.RequestDocuments request -> {
                Set<KycState> allowedFrom = actor.kind() == Actor.Kind.PLAYER
                        ? EnumSet.of(KycState.NOT_STARTED, KycState.REJECTED, KycState.EXPIRED)
                        : EnumSet.of(KycState.NOT_STARTED, KycState.REJECTED, KycState.EXPIRED, KycState.IN_REVIEW);
                Outcome refused = firstRefusal(
                        allowedActor(actor, Actor.Kind.PLAYER, Actor.Kind.OFFICER, Actor.Kind.SYSTEM),
                        from(current, command, allowedFrom),
                        request.required().isEmpty() ? refused("nothing_requested", "Name at least one document category to request.") : null,
                        reason(request.reason()));
                yield refused != null ? refused : moved(current.state(), new KycCase(KycState.PENDING, request.required(), now, null),
                        command, actor, now, request.reason());
            }
            case KycCommand.Submit submit -> {
                Outcome refused = firstRefusal(allowedActor(actor, Actor.Kind.PLAYER),
                        from(current, command, EnumSet.of(KycState.PENDING)), covered(current.required(), submit.onFile()));
                yield refused != null ? refused : moved(from, new KycCase(KycState.IN_REVIEW, current.required(),
                        current.requestedAt(), null), command, actor, now, "documents submitted for verification");
            }
            case KycCommand.Approve approve -> {
                Outcome refused = firstRefusal(allowedActor(actor, Actor.Kind.PROVIDER, Actor.Kind.OFFICER),
                        from(current, command, EnumSet.of(KycState.IN_REVIEW)), reason(approve.reason()),
                        approve.expiresAt() == null || !approve.expiresAt().isAfter(now)
                                ? refused("expiry_not_in_future", "A verification must hold until a time after now.") : null);
                yield refused != null ? refused : moved(from, new KycCase(KycState.VERIFIED, current.required(),
                        current.requestedAt(), approve.expiresAt()), command, actor, now, approve.reason());
            }
            case KycCommand.Reject reject -> {
                Outcome refused = firstRefusal(allowedActor(actor, Actor.Kind.PROVIDER, Actor.Kind.OFFICER),
                        from(current, command, EnumSet.of(KycState.IN_REVIEW)), reason(reject.reason()));
                yield refused != null ? refused : moved(from, new KycCase(KycState.REJECTED, current.required(),
                        current.requestedAt(), null), command, actor, now, reject.reason());
            }
            case KycCommand.Refer refer -> {
                Outcome refused = firstRefusal(allowedActor(actor, Actor.Kind.PROVIDER),
                        from(current, command, EnumSet.of(KycState.IN_REVIEW)), reason(refer.reason()));
                yield refused != null ? refused : moved(from, current, command, actor, now, refer.reason());
            }
            case KycCommand.Expire expire -> {
                Outcome refused = firstRefusal(allowedActor(actor, Actor.Kind.SYSTEM, Actor.Kind.OFFICER),
                        from(current, command, EnumSet.of(KycState.VERIFIED)),
                        current.expiresAt() != null && current.expiresAt().isAfter(now)
                                ? refused("not_yet_expired", "The verification holds until " + current.expiresAt() + ".") : null);
                yield refused != null ? refused : moved(from, new KycCase(KycState.EXPIRED, current.required(),
                        current.requestedAt(), current.expiresAt()), command, actor, now,
                        "verification period ended at " + current.expiresAt());
            }
            case KycCommand.SetExpiry set -> {
                Outcome refused = firstRefusal(allowedActor(actor, Actor.Kind.OFFICER),
                        from(current, command, EnumSet.of(KycState.VERIFIED)), reason(set.reason()),
                        set.expiresAt() == null ? refused("expiry_required", "Give the time the verification expires.") : null);
                yield refused != null ? refused : moved(from, new KycCase(KycState.VERIFIED, current.required(),
                        current.requestedAt(), set.expiresAt()), command, actor, now,
                        set.reason() + " (expires " + set.expiresAt() + ")");
            }
        };
    }

    private static Outcome moved(KycState from, KycCase after, KycCommand command, Actor actor, Instant now, String reason) {
        return new Outcome.Moved(after, new KycTransition(from, after.state(), command.action(), actor, now, reason.strip()));
    }

    private static Outcome firstRefusal(Outcome... checks) {
        for (Outcome check : checks) {
            if (check != null) {
                return check;
            }
        }
        return null;
    }

    private static Outcome allowedActor(Actor actor, Actor.Kind... allowed) {
        for (Actor.Kind kind : allowed) {
            if (actor.kind() == kind) {
                return null;
            }
        }
        return refused("actor_not_allowed", "A " + actor.kind().wire() + " may not do this to a case.");
    }

    private static Outcome from(KycCase current, KycCommand command, Set<KycState> allowed) {
        return allowed.contains(current.state()) ? null : refused("illegal_transition",
                "A case that is " + current.state().wire() + " cannot be " + command.action().replace('_', ' ') + ".");
    }

    private static Outcome reason(String reason) {
        return reason == null || reason.isBlank() || reason.length() > MAX_REASON
                ? refused("reason_required", "Give a reason (1 to " + MAX_REASON + " characters).") : null;
    }

    private static Outcome covered(Set<DocumentCategory> required, Set<DocumentCategory> onFile) {
        Set<DocumentCategory> missing = EnumSet.noneOf(DocumentCategory.class);
        missing.addAll(required);
        missing.removeAll(onFile);
        return missing.isEmpty() ? null : refused("documents_missing", "Upload " + String.join(" and ",
                missing.stream().map(DocumentCategory::wire).sorted().toList()) + " before submitting.");
    }

    private static Outcome refused(String code, String detail) {
        return new Outcome.Refused(code, detail);
    }
}
