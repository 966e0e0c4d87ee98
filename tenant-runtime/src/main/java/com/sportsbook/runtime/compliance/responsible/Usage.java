package com.sportsbook.runtime.compliance.responsible;

import com.sportsbook.runtime.compliance.responsible.core.LimitKind;
import com.sportsbook.runtime.compliance.responsible.core.LimitPeriod;
import com.sportsbook.runtime.identity.PlayerView;
import com.sportsbook.runtime.identity.Players;
import com.sportsbook.runtime.identity.SessionSpan;
import com.sportsbook.runtime.wallet.TransactionKind;
import com.sportsbook.runtime.wallet.Wallet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * What a player has used of each limit over a rolling window: money from the ledger (deposits credited, stakes
 * taken, losses as stakes less returns, in the player's currency on their brand) and minutes from identity's
 * sign-in sessions. One ledger query per window asked.
 */
final class Usage {

    private final Wallet wallet;
    private final Players players;
    private final Clock clock;

    Usage(Wallet wallet, Players players, Clock clock) {
        this.wallet = wallet;
        this.players = players;
        this.clock = clock;
    }

    /** Money moved in the window, per kind of limit that counts money. */
    record Money(long deposited, long wagered, long returned) {
        long lost() {
            return wagered - returned;
        }

        long of(LimitKind kind) {
            return switch (kind) {
                case DEPOSIT -> deposited;
                case WAGER -> wagered;
                case LOSS -> lost();
                case SESSION_TIME -> throw new IllegalArgumentException("session time is not money");
            };
        }
    }

    Money money(PlayerView player, Instant since) {
        Map<TransactionKind, Long> flows = wallet.cashFlowsSince(player.id(), player.brand(),
                Currency.getInstance(player.currency()), since);
        return new Money(flows.getOrDefault(TransactionKind.DEPOSIT, 0L), -flows.getOrDefault(TransactionKind.STAKE, 0L),
                flows.getOrDefault(TransactionKind.PAYOUT, 0L));
    }

    Money money(PlayerView player, LimitPeriod period) {
        return money(player, clock.instant().minus(period.window()));
    }

    /** What the player used of a kind of limit in the period: minor units, or minutes for session time. */
    long used(PlayerView player, LimitKind kind, LimitPeriod period) {
        return kind == LimitKind.SESSION_TIME ? minutesPlayed(player, period) : money(player, period).of(kind);
    }

    /** Minutes the player's sessions were in use within the rolling period. */
    long minutesPlayed(PlayerView player, LimitPeriod period) {
        Instant now = clock.instant();
        Instant from = now.minus(period.window());
        List<SessionSpan> sessions = players.sessionsSince(player.id(), from);
        Duration played = sessions.stream().map(session -> session.within(from, now)).reduce(Duration.ZERO, Duration::plus);
        return played.toMinutes();
    }
}
