package com.sportsbook.runtime.compliance.screening;

import com.sportsbook.runtime.compliance.screening.core.Hit;
import com.sportsbook.runtime.identity.PlayerView;
import com.sportsbook.runtime.identity.RegistrationScreening;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Screens every new player against the platform's lists as identity stores the account: each hit opens a case; a
 * sanctions hit opens the account blocked, and it stays blocked while any sanctions case is open or confirmed (or a
 * PEP's due diligence rejected it). A PEP hit alone leaves the account active: PEPs may play, and their deposits
 * wait for enhanced due diligence above the tenant's review amount ({@link EnhancedDueDiligence}). A scanned
 * component rather than a {@code @Bean}: scanning registers it before identity's {@code @ConditionalOnMissingBean}
 * default is considered, whatever the order of the configuration classes.
 */
@Component
class SanctionsScreening implements RegistrationScreening {

    private static final Logger log = LoggerFactory.getLogger(SanctionsScreening.class);
    static final String AT_REGISTRATION = "registration";

    private final ScreeningLists lists;
    private final ScreeningCases cases;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SanctionsScreening(ScreeningLists lists, ScreeningCases cases, PlatformTransactionManager transactions, Clock clock) {
        this.lists = lists;
        this.cases = cases;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public Verdict screen(PlayerView player) {
        ScreeningLists.Snapshot snapshot = lists.current();
        List<Hit> hits = snapshot.index().screen(ScreeningCases.screenedName(player), player.dateOfBirth());
        if (hits.isEmpty()) {
            return Verdict.CLEAR;
        }
        for (Hit hit : hits) {
            cases.open(player, hit, snapshot.versionOf(hit.entry().source()), AT_REGISTRATION, clock.instant());
        }
        boolean sanctioned = hits.stream().anyMatch(hit -> hit.entry().source().sanctions());
        log.info("player {} matched {} listed individual(s) at registration (best: {} {}, score {}); {}",
                player.id(), hits.size(), hits.getFirst().entry().source().wireName(), hits.getFirst().entry().ref(),
                String.format("%.3f", hits.getFirst().score()),
                sanctioned ? "blocked until cleared" : "a PEP: enhanced due diligence pending");
        return sanctioned ? Verdict.BLOCK : Verdict.CLEAR;
    }

    @Override
    public boolean holds(UUID playerId) {
        return Boolean.TRUE.equals(transactions.execute(status -> cases.holds(playerId)));
    }
}
