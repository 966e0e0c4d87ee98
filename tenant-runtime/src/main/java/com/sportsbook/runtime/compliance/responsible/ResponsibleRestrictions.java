package com.sportsbook.runtime.compliance.responsible;

import com.sportsbook.runtime.compliance.rules.RulesUnavailable;
import com.sportsbook.runtime.identity.PlayerRegistration;
import com.sportsbook.runtime.identity.PlayerRestrictions;
import com.sportsbook.runtime.identity.PlayerView;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Identity's restrictions answered by responsible gambling: exclusions of the person on any brand of the operator,
 * and the national registers of the brand's rules. At registration both fail closed (rules or register unavailable:
 * no account is opened). At sign-in a register that cannot be asked is logged and the account signs in; it cannot
 * bet or deposit meanwhile anyway, since those fail closed on the same rules.
 */
final class ResponsibleRestrictions implements PlayerRestrictions {

    private static final Logger log = LoggerFactory.getLogger(ResponsibleRestrictions.class);

    private final ExclusionChecks checks;
    private final TransactionOperations transactions;

    ResponsibleRestrictions(ExclusionChecks checks, TransactionOperations transactions) {
        this.checks = checks;
        this.transactions = transactions;
    }

    @Override
    public Optional<Exclusion> atRegistration(PlayerRegistration registration, String brand) {
        return checks.atRegistration(registration, brand);
    }

    @Override
    public Optional<Exclusion> atSignIn(PlayerView player) {
        try {
            return checks.atSignIn(player);
        } catch (RulesUnavailable | com.sportsbook.runtime.compliance.responsible.register.NationalRegister.RegisterUnavailable e) {
            log.warn("national registers not checked at the sign-in of player {}: {}", player.id(), e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public Optional<Exclusion> inForce(PlayerView player) {
        return transactions.execute(status -> checks.exclusionOf(player).map(Exclusions.Exclusion::asRestriction));
    }
}
