package com.sportsbook.runtime.compliance.responsible;

import com.sportsbook.runtime.audit.AuditEntry;
import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.compliance.responsible.register.NationalRegister;
import com.sportsbook.runtime.compliance.responsible.register.NationalRegisters;
import com.sportsbook.runtime.compliance.rules.BrandRules;
import com.sportsbook.runtime.compliance.rules.EffectiveRules;
import com.sportsbook.runtime.compliance.rules.RulesUnavailable;
import com.sportsbook.runtime.identity.PlayerRegistration;
import com.sportsbook.runtime.identity.PlayerRestrictions;
import com.sportsbook.runtime.identity.PlayerStatus;
import com.sportsbook.runtime.identity.PlayerView;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Whether a person is excluded: by their own time-out or self-exclusion on any brand of the operator, or by a
 * national register the brand's rules name (asked at registration and sign-in, and again once a hit is older than
 * {@code register-recheck}). Needs nothing of identity, which asks it. A register's hit, its confirmation on a recheck
 * and its end are written to the audit log with the exclusion.
 */
final class ExclusionChecks {

    private static final Logger log = LoggerFactory.getLogger(ExclusionChecks.class);

    private final Exclusions exclusions;
    private final EffectiveRules rules;
    private final NationalRegisters registers;
    private final TransactionOperations transactions;
    private final ResponsibleGamblingSettings settings;
    private final Clock clock;
    private final AuditTrail audit;

    ExclusionChecks(Exclusions exclusions, EffectiveRules rules, NationalRegisters registers,
            TransactionOperations transactions, ResponsibleGamblingSettings settings, Clock clock, AuditTrail audit) {
        this.exclusions = exclusions;
        this.rules = rules;
        this.registers = registers;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        this.audit = audit;
    }

    /** The exclusion deciding for the player now, if any; a stale national-register hit is asked again first. */
    Optional<Exclusions.Exclusion> exclusionOf(PlayerView player) {
        return exclusionOf(player, exclusions.inForce(player.id(), player.email(), player.firstName(), player.lastName(),
                player.dateOfBirth()));
    }

    /** The same, from the exclusions in force already read (deciding one first). */
    Optional<Exclusions.Exclusion> exclusionOf(PlayerView player, List<Exclusions.Exclusion> inForce) {
        for (Exclusions.Exclusion exclusion : inForce) {
            if (exclusion.kind() != Exclusions.Kind.NATIONAL_REGISTER) {
                return Optional.of(exclusion);
            }
            if (!namedByTheBrand(exclusion.register(), player)) {
                // a national register binds the brands licensed where it applies, not the operator's others
                continue;
            }
            if (exclusion.createdAt().plus(settings.registerRecheck()).isAfter(clock.instant())) {
                return Optional.of(exclusion);
            }
            boolean listed;
            try {
                listed = registers.listing(List.of(exclusion.register()), register(player)).isPresent();
            } catch (NationalRegister.RegisterUnavailable e) {
                // not confirmed, not cleared: the hit stands until the register answers
                log.warn("national register {} not asked again for player {}: {}", exclusion.register(), player.id(), e.getMessage());
                return Optional.of(exclusion);
            }
            if (listed) {
                exclusions.closeRegisterHit(exclusion.id());
                return Optional.of(registerHit(player, exclusion.register(), "rg.register_hit_confirmed"));
            }
            exclusions.closeRegisterHit(exclusion.id());
            audit.record(AuditEntry.of("rg.register_hit_closed", player.id()).reference(exclusion.id())
                    .by("national register " + exclusion.register()).with("register", exclusion.register())
                    .with("brand", player.brand()));
            log.info("player {} is no longer on the national register {}", player.id(), exclusion.register());
        }
        return Optional.empty();
    }

    /** Whether the player's brand answers to the register (when the rules cannot be known, it is taken to: fail closed). */
    private boolean namedByTheBrand(String register, PlayerView player) {
        try {
            return rules.forBrand(player.brand()).nationalRegisters().contains(register);
        } catch (RulesUnavailable e) {
            return true;
        }
    }

    /** Registration: the person excluded on any brand of the operator, or listed by a register the brand's rules name. */
    Optional<PlayerRestrictions.Exclusion> atRegistration(PlayerRegistration registration, String brand) {
        // the operator's own exclusions; a register is asked afresh below, if the brand answers to one
        List<Exclusions.Exclusion> inForce = transactions.execute(status -> exclusions.inForce(null, registration.email(),
                registration.firstName(), registration.lastName(), registration.dateOfBirth())).stream()
                .filter(exclusion -> exclusion.kind() != Exclusions.Kind.NATIONAL_REGISTER).toList();
        if (!inForce.isEmpty()) {
            return Optional.of(inForce.getFirst().asRestriction());
        }
        BrandRules rules = this.rules.forBrand(brand);
        return registers.listing(rules.nationalRegisters(), new NationalRegister.Person(registration.firstName(),
                        registration.lastName(), registration.dateOfBirth(), registration.email(), registration.country()))
                .map(register -> new PlayerRestrictions.Exclusion(PlayerStatus.SELF_EXCLUDED,
                        null, "You are on the national self-exclusion register " + register + "."));
    }

    /** Sign-in of an active account: a register the brand's rules name lists the person from now. */
    Optional<PlayerRestrictions.Exclusion> atSignIn(PlayerView player) {
        List<String> named = rules.forBrand(player.brand()).nationalRegisters();
        return registers.listing(named, register(player)).map(register -> transactions.execute(status ->
                registerHit(player, register, "rg.exclusion_taken")).asRestriction());
    }

    /** A national register lists the person: an indefinite exclusion from now, in the log as {@code kind}. */
    private Exclusions.Exclusion registerHit(PlayerView player, String register, String kind) {
        Exclusions.Exclusion made = exclusions.record(person(player), Exclusions.Kind.NATIONAL_REGISTER, register, null,
                "national register " + register);
        audit.record(AuditEntry.of(kind, player.id()).by(made.actor()).reference(made.id())
                .with("kind", Exclusions.Kind.NATIONAL_REGISTER.wire()).with("register", register).with("brand", player.brand())
                .with("startsAt", made.startsAt().toString()).with("until", null));
        return made;
    }

    static Exclusions.Person person(PlayerView player) {
        return new Exclusions.Person(player.id(), player.brand(), player.email(), player.firstName(), player.lastName(),
                player.dateOfBirth());
    }

    private static NationalRegister.Person register(PlayerView player) {
        return new NationalRegister.Person(player.firstName(), player.lastName(), player.dateOfBirth(), player.email(),
                player.country());
    }
}
