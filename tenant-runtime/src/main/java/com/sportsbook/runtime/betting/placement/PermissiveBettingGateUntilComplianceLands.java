package com.sportsbook.runtime.betting.placement;

import com.sportsbook.runtime.identity.PlayerView;
import java.util.Optional;

/** Lets every active player bet: the compliance issue replaces it with the jurisdiction's rules. */
final class PermissiveBettingGateUntilComplianceLands implements BettingGate {

    @Override
    public Optional<Refusal> refusal(PlayerView player, Wager wager) {
        return Optional.empty();
    }
}
