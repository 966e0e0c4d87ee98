package com.sportsbook.commons.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One rule of a jurisdiction rule pack: its key in {@code rule-pack.schema.json} and its kind, which says what
 * "stricter" means for it. The catalogue ({@link #ALL}) and the schema list the same rules; a test keeps them so.
 *
 * @param <T> the rule's typed value
 */
public final class Rule<T> {

    public static final Rule<Integer> MINIMUM_AGE = new Rule<>("minimumAge", RuleKinds.AT_LEAST);
    public static final Rule<KycTiming> KYC_TIMING = new Rule<>("kycTiming", RuleKinds.KYC_TIMING);
    /** Cumulative deposits (minor units of the pack's currency) that trigger verification under {@code deposit_threshold}. */
    public static final Rule<OptionalLong> KYC_DEPOSIT_THRESHOLD = new Rule<>("kycDepositThresholdMinor", RuleKinds.CAP);
    public static final Rule<Boolean> DEPOSIT_LIMIT_REQUIRED_AT_REGISTRATION =
            new Rule<>("mandatoryDepositLimitAtRegistration", RuleKinds.REQUIRED);
    public static final Rule<Integer> LIMIT_INCREASE_COOLING_OFF_HOURS = new Rule<>("limitIncreaseCoolingOffHours", RuleKinds.AT_LEAST);
    public static final Rule<Optional<RealityCheck>> REALITY_CHECK_MINUTES = new Rule<>("realityCheckMinutes", RuleKinds.REALITY_CHECK);
    public static final Rule<TimeOutBounds> TIME_OUT_DAYS = new Rule<>("timeOutDays", RuleKinds.TIME_OUT);
    public static final Rule<SelfExclusionPeriods> SELF_EXCLUSION_PERIODS =
            new Rule<>("selfExclusionPeriodsMonths", RuleKinds.SELF_EXCLUSION);
    public static final Rule<Optional<String>> NATIONAL_REGISTER = new Rule<>("nationalRegister", RuleKinds.FIXED_NAME);
    public static final Rule<Optional<String>> CROSS_OPERATOR_LIMIT_REGISTER =
            new Rule<>("crossOperatorLimitRegister", RuleKinds.FIXED_NAME);
    public static final Rule<Boolean> PARALLEL_PLAY_ALLOWED = new Rule<>("parallelPlayAllowed", RuleKinds.PERMITTED);
    public static final Rule<Allowed> ALLOWED_BET_TYPES = new Rule<>("allowedBetTypes", RuleKinds.ALLOWED);
    public static final Rule<Allowed> ALLOWED_MARKET_TYPES = new Rule<>("allowedMarketTypes", RuleKinds.ALLOWED);
    public static final Rule<Set<String>> EXCLUDED_EVENTS = new Rule<>("excludedEvents", RuleKinds.EXCLUDED);
    public static final Rule<Boolean> IN_PLAY_ALLOWED = new Rule<>("inPlayAllowed", RuleKinds.PERMITTED);
    public static final Rule<Allowed> IN_PLAY_MARKET_TYPES = new Rule<>("inPlayMarketTypes", RuleKinds.ALLOWED);
    public static final Rule<Integer> BET_DELAY_SECONDS_IN_PLAY = new Rule<>("betDelaySecondsInPlay", RuleKinds.AT_LEAST);
    public static final Rule<OptionalLong> MAX_STAKE_PER_BET = new Rule<>("maxStakePerBetMinor", RuleKinds.CAP);
    public static final Rule<PeriodCaps> DEPOSIT_CAPS = new Rule<>("depositCapsMinor", RuleKinds.PERIOD_CAPS);
    public static final Rule<Integer> DATA_RETENTION_YEARS = new Rule<>("dataRetentionYears", RuleKinds.AT_LEAST);
    public static final Rule<String> TAX_BASE = new Rule<>("taxBase", RuleKinds.FIXED_TAX_BASE);
    public static final Rule<BigDecimal> TAX_RATE_PERCENT = new Rule<>("taxRatePercent", RuleKinds.FIXED_PERCENT);
    public static final Rule<List<String>> REPORT_FORMATS = new Rule<>("reportFormats", RuleKinds.FIXED_NAMES);

    /** Every rule, in the order a pack lists them. */
    public static final List<Rule<?>> ALL = List.of(MINIMUM_AGE, KYC_TIMING, KYC_DEPOSIT_THRESHOLD,
            DEPOSIT_LIMIT_REQUIRED_AT_REGISTRATION, LIMIT_INCREASE_COOLING_OFF_HOURS, REALITY_CHECK_MINUTES, TIME_OUT_DAYS,
            SELF_EXCLUSION_PERIODS, NATIONAL_REGISTER, CROSS_OPERATOR_LIMIT_REGISTER, PARALLEL_PLAY_ALLOWED,
            ALLOWED_BET_TYPES, ALLOWED_MARKET_TYPES, EXCLUDED_EVENTS, IN_PLAY_ALLOWED, IN_PLAY_MARKET_TYPES,
            BET_DELAY_SECONDS_IN_PLAY, MAX_STAKE_PER_BET, DEPOSIT_CAPS, DATA_RETENTION_YEARS, TAX_BASE, TAX_RATE_PERCENT,
            REPORT_FORMATS);

    /** Rules whose values are amounts in minor units of the pack's currency. */
    public static final Set<Rule<?>> MONETARY = Set.of(KYC_DEPOSIT_THRESHOLD, MAX_STAKE_PER_BET, DEPOSIT_CAPS);

    private static final Map<String, Rule<?>> BY_KEY = ALL.stream().collect(Collectors.toUnmodifiableMap(Rule::key, Function.identity()));

    private final String key;
    private final RuleKind<T> kind;

    private Rule(String key, RuleKind<T> kind) {
        this.key = key;
        this.kind = kind;
    }

    public static Optional<Rule<?>> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    public String key() {
        return key;
    }

    public RuleKind<T> kind() {
        return kind;
    }

    public T parse(Object json) {
        return kind.parse(json);
    }

    /** Whether a value, given as plain JSON, is at least as strict as another of this rule. */
    public boolean atLeastAsStrict(Object candidate, Object reference) {
        return kind.atLeastAsStrict(cast(candidate), cast(reference));
    }

    @SuppressWarnings("unchecked")
    T cast(Object value) {
        return (T) value;
    }

    /** The typed value written back as plain JSON. */
    public Object toJson(Object value) {
        return kind.toJson(cast(value));
    }

    @Override
    public String toString() {
        return key;
    }
}
