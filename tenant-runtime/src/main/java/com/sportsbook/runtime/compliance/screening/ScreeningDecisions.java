package com.sportsbook.runtime.compliance.screening;

import com.sportsbook.runtime.audit.AuditEntry;
import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.identity.Players;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An officer's decision on an open screening case. Clearing (a namesake, not the listed person) unblocks the
 * account once no other case holds it; confirming a sanctions hit keeps it blocked for good (the case stays as the
 * record, and the officer takes it further outside the platform: freezing, reporting). A PEP hit is not confirmed but
 * decided by enhanced due diligence: approved with the source of funds established (deposits are no longer held), or
 * rejected (the relationship is refused: the account is blocked). Every decision is written to the audit log in the
 * transaction that records it.
 */
class ScreeningDecisions {

    private static final Logger log = LoggerFactory.getLogger(ScreeningDecisions.class);

    sealed interface Decision {
        record Decided(ScreeningCases.ScreeningCase decided, boolean accountUnblocked, boolean accountBlocked)
                implements Decision {
        }

        record UnknownCase() implements Decision {
        }

        record AlreadyDecided(ScreeningCases.ScreeningCase current) implements Decision {
        }

        /** Confirmation asked of a PEP hit, or due diligence of a sanctions hit. */
        record WrongKind(ScreeningCases.ScreeningCase current) implements Decision {
        }
    }

    private final ScreeningCases cases;
    private final Players players;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AuditTrail audit;

    ScreeningDecisions(ScreeningCases cases, Players players, TransactionTemplate transactions, Clock clock, AuditTrail audit) {
        this.cases = cases;
        this.players = players;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
    }

    Decision clear(UUID caseId, String officer, String reason) {
        return decide(caseId, null, ScreeningCases.CLEARED, officer, reason, null);
    }

    Decision confirm(UUID caseId, String officer, String reason) {
        return decide(caseId, ScreeningCases.SANCTIONS, ScreeningCases.CONFIRMED, officer, reason, null);
    }

    /** Enhanced due diligence of a PEP hit done: the relationship goes on, the source of funds is recorded. */
    Decision approveDueDiligence(UUID caseId, String officer, String sourceOfFunds, String note) {
        return decide(caseId, ScreeningCases.PEP, ScreeningCases.APPROVED, officer, note, sourceOfFunds);
    }

    /** Enhanced due diligence of a PEP hit refuses the relationship: the account is blocked. */
    Decision rejectDueDiligence(UUID caseId, String officer, String reason) {
        return decide(caseId, ScreeningCases.PEP, ScreeningCases.REJECTED, officer, reason, null);
    }

    /** @param kind the kind of case this decision is for; null for any */
    private Decision decide(UUID caseId, String kind, String status, String officer, String reason, String sourceOfFunds) {
        Decision decision = transactions.execute(tx -> {
            Optional<ScreeningCases.ScreeningCase> current = cases.find(caseId);
            if (current.isEmpty()) {
                return new Decision.UnknownCase();
            }
            if (kind != null && !kind.equals(current.get().kind())) {
                return new Decision.WrongKind(current.get());
            }
            Optional<ScreeningCases.ScreeningCase> decided = cases.decide(caseId, status, officer, reason, sourceOfFunds,
                    clock.instant());
            if (decided.isEmpty()) {
                return cases.find(caseId).<Decision>map(Decision.AlreadyDecided::new).orElseGet(Decision.UnknownCase::new);
            }
            ScreeningCases.ScreeningCase hit = decided.get();
            String auditKind = hit.kind().equals(ScreeningCases.PEP) && !status.equals(ScreeningCases.CLEARED)
                    ? "screening.due_diligence_" + status : "screening." + status;
            audit.record(AuditEntry.of(auditKind, caseId).reference(hit.playerId()).by(officer)
                    .at(hit.decidedAt()).with("kind", hit.kind()).with("reason", reason)
                    .with("sourceOfFunds", sourceOfFunds).with("listSource", hit.listSource())
                    .with("listVersion", hit.listVersion()).with("entryRef", hit.entryRef())
                    .with("matchedName", hit.matchedName()).with("score", hit.score()));
            return new Decision.Decided(hit, false, false);
        });
        if (!(decision instanceof Decision.Decided decided)) {
            return decision;
        }
        UUID player = decided.decided().playerId();
        log.info("screening case {} ({}) of player {} {} by {}", caseId, decided.decided().kind(), player, status, officer);
        // blocking and unblocking end or restore Keycloak sessions, so they follow the commit
        if (status.equals(ScreeningCases.CLEARED) && players.liftScreeningBlock(player)) {
            return new Decision.Decided(decided.decided(), true, false);
        }
        if (status.equals(ScreeningCases.REJECTED) && players.blockForScreening(player)) {
            return new Decision.Decided(decided.decided(), false, true);
        }
        return decision;
    }
}
