package com.sportsbook.runtime.betting.placement;

import com.sportsbook.runtime.identity.PlayerView;
import java.util.Optional;

/**
 * Whether a player may bet now beyond the account being active: identity verification where the jurisdiction
 * requires it, self-exclusion and time-outs, wager and loss limits, age and location. Implemented by compliance;
 * until that lands, {@link PermissiveBettingGateUntilComplianceLands} lets every active player bet.
 */
public interface BettingGate {

    /** Why the player may not bet, or empty when they may. */
    Optional<String> refusal(PlayerView player, long stake, String currency);
}
