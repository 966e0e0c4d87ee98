package com.sportsbook.runtime.compliance.responsible;

import com.sportsbook.runtime.compliance.responsible.core.LimitKind;
import com.sportsbook.runtime.identity.PlayerView;
import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A player ran into their own limit: a bet or a deposit refused by it. Regulators ask for these (the RG events
 * report). A bet's refusal rolls the placement back, so its hit is written in a transaction of its own (a hit that
 * cannot be written is logged and the refusal stands); a deposit's refusal commits, and its hit is written in it.
 */
final class LimitHits {

    private static final Logger log = LoggerFactory.getLogger(LimitHits.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate separately;
    private final Clock clock;

    LimitHits(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    void hit(PlayerView player, LimitKind kind, String code, Long attempted, String detail) {
        try {
            separately.executeWithoutResult(status -> hitHere(player, kind, code, attempted, detail));
        } catch (RuntimeException e) {
            log.warn("the {} of player {} was not recorded: {}", code, player.id(), e.getMessage());
        }
    }

    /**
     * Records the hit in the caller's transaction, for a refusal that commits it (a deposit's): a transaction of its
     * own would need a second connection while the caller holds a lock others wait for with theirs.
     */
    void hitHere(PlayerView player, LimitKind kind, String code, Long attempted, String detail) {
        jdbc.sql("""
                INSERT INTO rg_limit_hit (player_id, brand, code, limit_kind, attempted, detail, at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(player.id(), player.brand(), code, kind.wire(), attempted,
                        detail.length() > 500 ? detail.substring(0, 500) : detail, Timestamp.from(clock.instant()))
                .update();
    }
}
