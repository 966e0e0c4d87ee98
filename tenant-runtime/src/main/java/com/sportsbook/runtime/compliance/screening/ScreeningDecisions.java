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
 * account once no other case holds it; confirming keeps it blocked for good (the case stays as the record, and the
 * officer takes it further outside the platform: freezing, reporting). The decision is written to the audit log in
 * the transaction that records it.
 */
class ScreeningDecisions {

    private static final Logger log = LoggerFactory.getLogger(ScreeningDecisions.class);

    sealed interface Decision {
        record Decided(ScreeningCases.ScreeningCase decided, boolean accountUnblocked) implements Decision {
        }

        record UnknownCase() implements Decision {
        }

        record AlreadyDecided(ScreeningCases.ScreeningCase current) implements Decision {
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
        return decide(caseId, ScreeningCases.CLEARED, officer, reason);
    }

    Decision confirm(UUID caseId, String officer, String reason) {
        return decide(caseId, ScreeningCases.CONFIRMED, officer, reason);
    }

    private Decision decide(UUID caseId, String status, String officer, String reason) {
        Decision decision = transactions.execute(tx -> {
            Optional<ScreeningCases.ScreeningCase> decided = cases.decide(caseId, status, officer, reason, clock.instant());
            if (decided.isPresent()) {
                ScreeningCases.ScreeningCase hit = decided.get();
                audit.record(AuditEntry.of("screening." + status, caseId).reference(hit.playerId()).by(officer)
                        .at(hit.decidedAt()).with("reason", reason).with("listSource", hit.listSource())
                        .with("listVersion", hit.listVersion()).with("entryRef", hit.entryRef())
                        .with("matchedName", hit.matchedName()).with("score", hit.score()));
                return new Decision.Decided(hit, false);
            }
            return cases.find(caseId).<Decision>map(Decision.AlreadyDecided::new).orElseGet(Decision.UnknownCase::new);
        });
        if (!(decision instanceof Decision.Decided decided)) {
            return decision;
        }
        log.info("screening case {} of player {} {} by {}", caseId, decided.decided().playerId(), status, officer);
        if (status.equals(ScreeningCases.CLEARED) && players.liftScreeningBlock(decided.decided().playerId())) {
            return new Decision.Decided(decided.decided(), true);
        }
        return decision;
    }
}
