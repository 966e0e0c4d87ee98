package com.sportsbook.runtime.compliance.rules;

import com.sportsbook.commons.rules.Allowed;
import com.sportsbook.commons.rules.JurisdictionRules;
import com.sportsbook.commons.rules.KycTiming;
import com.sportsbook.commons.rules.PeriodCaps;
import com.sportsbook.commons.rules.RealityCheck;
import com.sportsbook.commons.rules.Rule;
import com.sportsbook.commons.rules.RuleKind;
import com.sportsbook.commons.rules.SelfExclusionPeriods;
import com.sportsbook.commons.rules.TimeOutBounds;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules a brand must apply: for every rule, the strictest value over the brand's jurisdictions, each of which is
 * its regulator's pack with the tenant's approved overrides (which are never looser than the pack). What "strictest"
 * means per rule is the rule's kind ({@code commons.rules.RuleKinds}): the highest minimum age, the earliest KYC,
 * the longest cooling-off, the lowest caps, the fewest bet and market types, in-play only if every jurisdiction
 * allows it, every national register of every jurisdiction.
 *
 * @param ruleVersion                 the tenant's rule version these come from (0: the packs as shipped)
 * @param jurisdictions               the brand's jurisdictions
 * @param minimumAge                  the age a player must have reached to register
 * @param kycTiming                   when identity must be verified (every timing requires it before a first withdrawal)
 * @param kycDepositThreshold         with {@link KycTiming#DEPOSIT_THRESHOLD}: cumulative deposits at which verification
 *                                    is due, per currency (a jurisdiction that verifies earlier contributes none)
 * @param depositLimitRequiredAtRegistration whether a player must set a deposit limit before the first deposit
 * @param limitIncreaseCoolingOff     how long an increase or removal of a player's limit waits (a decrease is immediate)
 * @param realityCheck                the reality-check interval bounds a player chooses within, if checks are required
 * @param timeOut                     the shortest and longest time-out a player must be able to take
 * @param selfExclusionPeriods        the self-exclusion periods to offer
 * @param nationalRegisters           the national self-exclusion registers to check at registration and login
 * @param crossOperatorLimitRegisters registers that hold limits across operators (LUGAS)
 * @param parallelPlayAllowed         whether a player may play with another operator at the same time
 * @param betTypes                    bet type categories that may be offered: {@code single}, {@code multiple},
 *                                    {@code system} (every named system and k/n), {@code bet_builder}
 * @param marketTypes                 market types (feeds' {@code MarketType} wire names) that may be offered
 * @param excludedEvents              kinds of event no bet may be taken on ({@code minors_participating}, ...)
 * @param inPlayAllowed               whether bets may be taken in play at all
 * @param inPlayMarketTypes           market types that may be offered in play
 * @param inPlayBetDelay              the least delay before an in-play bet is accepted
 * @param maxStakePerBet              the stake cap per bet, per currency; empty: none
 * @param depositCaps                 deposit caps per day, week and month, per currency; empty: none
 * @param dataRetentionYears          how long wager and player records are kept at least
 * @param taxes                       each jurisdiction's tax (not combinable: reporting applies each to its own players)
 * @param reportFormats               each jurisdiction's regulator report formats
 */
public record BrandRules(
        String brand,
        int ruleVersion,
        List<String> jurisdictions,
        int minimumAge,
        KycTiming kycTiming,
        Amounts kycDepositThreshold,
        boolean depositLimitRequiredAtRegistration,
        Duration limitIncreaseCoolingOff,
        Optional<RealityCheck> realityCheck,
        TimeOutBounds timeOut,
        SelfExclusionPeriods selfExclusionPeriods,
        List<String> nationalRegisters,
        List<String> crossOperatorLimitRegisters,
        boolean parallelPlayAllowed,
        Allowed betTypes,
        Allowed marketTypes,
        Set<String> excludedEvents,
        boolean inPlayAllowed,
        Allowed inPlayMarketTypes,
        Duration inPlayBetDelay,
        Amounts maxStakePerBet,
        DepositCaps depositCaps,
        int dataRetentionYears,
        Map<String, Tax> taxes,
        Map<String, List<String>> reportFormats) {

    /** Deposit caps per period; each empty where no jurisdiction caps that period. */
    public record DepositCaps(Amounts daily, Amounts weekly, Amounts monthly) {
    }

    /** A jurisdiction's tax: on {@code ggr}, on {@code stakes}, or {@code none}; the rate in percent. */
    public record Tax(String base, BigDecimal ratePercent) {
    }

    public BrandRules {
        jurisdictions = List.copyOf(jurisdictions);
        nationalRegisters = List.copyOf(nationalRegisters);
        crossOperatorLimitRegisters = List.copyOf(crossOperatorLimitRegisters);
        excludedEvents = Set.copyOf(excludedEvents);
        taxes = Map.copyOf(taxes);
        reportFormats = Map.copyOf(reportFormats);
    }

    /**
     * The category of a bet shape's wire name ({@code single}, {@code multiple}, {@code trixie}, {@code 2/4}...) as
     * the packs name bet types: every named full-cover system and every k/n system is a {@code system}.
     */
    public static String betTypeOf(String shape) {
        return switch (shape) {
            case "single" -> "single";
            case "multiple" -> "multiple";
            case "bet_builder" -> "bet_builder";
            default -> "system";
        };
    }

    /** Whether a bet of this shape may be offered. */
    public boolean allowsBetShape(String shape) {
        return betTypes.allows(betTypeOf(shape));
    }

    /** Whether a market of this type may be offered, pre-match or in play. */
    public boolean allowsMarket(String marketType, boolean inPlay) {
        if (!marketTypes.allows(marketType)) {
            return false;
        }
        return !inPlay || (inPlayAllowed && inPlayMarketTypes.allows(marketType));
    }

    /**
     * The strictest of the brand's jurisdictions' rules, rule by rule.
     *
     * @param rules each jurisdiction's effective rules (pack with the tenant's overrides), at least one
     */
    public static BrandRules strictest(String brand, int ruleVersion, List<JurisdictionRules> rules) {
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("brand " + brand + " has no jurisdiction");
        }
        KycTiming timing = strictest(rules, Rule.KYC_TIMING);
        Amounts threshold = Amounts.NONE;
        Amounts stake = Amounts.NONE;
        Amounts daily = Amounts.NONE;
        Amounts weekly = Amounts.NONE;
        Amounts monthly = Amounts.NONE;
        List<String> registers = new ArrayList<>();
        List<String> limitRegisters = new ArrayList<>();
        Map<String, Tax> taxes = new LinkedHashMap<>();
        Map<String, List<String>> formats = new LinkedHashMap<>();
        for (JurisdictionRules jurisdiction : rules) {
            String currency = jurisdiction.currency();
            if (jurisdiction.get(Rule.KYC_TIMING) == KycTiming.DEPOSIT_THRESHOLD) {
                threshold = threshold.lowest(Amounts.of(jurisdiction.get(Rule.KYC_DEPOSIT_THRESHOLD), currency));
            }
            stake = stake.lowest(Amounts.of(jurisdiction.get(Rule.MAX_STAKE_PER_BET), currency));
            PeriodCaps caps = jurisdiction.get(Rule.DEPOSIT_CAPS);
            daily = daily.lowest(Amounts.of(caps.daily(), currency));
            weekly = weekly.lowest(Amounts.of(caps.weekly(), currency));
            monthly = monthly.lowest(Amounts.of(caps.monthly(), currency));
            jurisdiction.get(Rule.NATIONAL_REGISTER).filter(name -> !registers.contains(name)).ifPresent(registers::add);
            jurisdiction.get(Rule.CROSS_OPERATOR_LIMIT_REGISTER).filter(name -> !limitRegisters.contains(name))
                    .ifPresent(limitRegisters::add);
            taxes.put(jurisdiction.code(), new Tax(jurisdiction.get(Rule.TAX_BASE), jurisdiction.get(Rule.TAX_RATE_PERCENT)));
            formats.put(jurisdiction.code(), jurisdiction.get(Rule.REPORT_FORMATS));
        }
        return new BrandRules(brand, ruleVersion, rules.stream().map(JurisdictionRules::code).toList(),
                strictest(rules, Rule.MINIMUM_AGE),
                timing,
                timing == KycTiming.DEPOSIT_THRESHOLD ? threshold : Amounts.NONE,
                strictest(rules, Rule.DEPOSIT_LIMIT_REQUIRED_AT_REGISTRATION),
                Duration.ofHours(strictest(rules, Rule.LIMIT_INCREASE_COOLING_OFF_HOURS)),
                strictest(rules, Rule.REALITY_CHECK_MINUTES),
                strictest(rules, Rule.TIME_OUT_DAYS),
                strictest(rules, Rule.SELF_EXCLUSION_PERIODS),
                registers,
                limitRegisters,
                strictest(rules, Rule.PARALLEL_PLAY_ALLOWED),
                strictest(rules, Rule.ALLOWED_BET_TYPES),
                strictest(rules, Rule.ALLOWED_MARKET_TYPES),
                strictest(rules, Rule.EXCLUDED_EVENTS),
                strictest(rules, Rule.IN_PLAY_ALLOWED),
                strictest(rules, Rule.IN_PLAY_MARKET_TYPES),
                Duration.ofSeconds(strictest(rules, Rule.BET_DELAY_SECONDS_IN_PLAY)),
                stake,
                new DepositCaps(daily, weekly, monthly),
                strictest(rules, Rule.DATA_RETENTION_YEARS),
                taxes,
                formats);
    }

    private static <T> T strictest(List<JurisdictionRules> rules, Rule<T> rule) {
        RuleKind<T> kind = rule.kind();
        T value = rules.getFirst().get(rule);
        for (JurisdictionRules jurisdiction : rules.subList(1, rules.size())) {
            value = kind.strictest(value, jurisdiction.get(rule));
        }
        return value;
    }
}
