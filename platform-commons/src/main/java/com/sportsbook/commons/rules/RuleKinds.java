package com.sportsbook.commons.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/** The kinds of rule, each with its own meaning of "stricter". */
public final class RuleKinds {

    private RuleKinds() {
    }

    /** A whole number where more protects more: minimum age, cooling-off hours, bet delay, retention years. */
    public static final RuleKind<Integer> AT_LEAST = new RuleKind<>() {
        @Override
        public Integer parse(Object json) {
            return wholeNumber(json, 0, Integer.MAX_VALUE, "a whole number of at least 0");
        }

        @Override
        public Object toJson(Integer value) {
            return value;
        }

        @Override
        public boolean atLeastAsStrict(Integer candidate, Integer reference) {
            return candidate >= reference;
        }

        @Override
        public Integer strictest(Integer a, Integer b) {
            return Math.max(a, b);
        }

        @Override
        public String stricterMeans() {
            return "a higher value";
        }
    };

    /** An amount in minor units, or none: a lower cap is stricter, and any cap is stricter than none. */
    public static final RuleKind<OptionalLong> CAP = new RuleKind<>() {
        @Override
        public OptionalLong parse(Object json) {
            return cap(json, "an amount in minor units of at least 0, or null for none");
        }

        @Override
        public Object toJson(OptionalLong value) {
            return value.isPresent() ? value.getAsLong() : null;
        }

        @Override
        public boolean atLeastAsStrict(OptionalLong candidate, OptionalLong reference) {
            return capAtLeastAsStrict(candidate, reference);
        }

        @Override
        public OptionalLong strictest(OptionalLong a, OptionalLong b) {
            return lowerCap(a, b);
        }

        @Override
        public String stricterMeans() {
            return "a lower amount, or an amount where the pack has none";
        }
    };

    /** Caps per day, week and month: each must be at least as strict as the reference's. */
    public static final RuleKind<PeriodCaps> PERIOD_CAPS = new RuleKind<>() {
        @Override
        public PeriodCaps parse(Object json) {
            Map<String, Object> object = object(json, "an object with daily, weekly and monthly amounts (or null)");
            onlyKeys(object, Set.of("daily", "weekly", "monthly"), "daily, weekly and monthly");
            String expected = "daily, weekly and monthly: each an amount in minor units, or null for none";
            return new PeriodCaps(cap(object.get("daily"), expected), cap(object.get("weekly"), expected),
                    cap(object.get("monthly"), expected));
        }

        @Override
        public Object toJson(PeriodCaps value) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("daily", CAP.toJson(value.daily()));
            json.put("weekly", CAP.toJson(value.weekly()));
            json.put("monthly", CAP.toJson(value.monthly()));
            return json;
        }

        @Override
        public boolean atLeastAsStrict(PeriodCaps candidate, PeriodCaps reference) {
            return capAtLeastAsStrict(candidate.daily(), reference.daily())
                    && capAtLeastAsStrict(candidate.weekly(), reference.weekly())
                    && capAtLeastAsStrict(candidate.monthly(), reference.monthly());
        }

        @Override
        public PeriodCaps strictest(PeriodCaps a, PeriodCaps b) {
            return new PeriodCaps(lowerCap(a.daily(), b.daily()), lowerCap(a.weekly(), b.weekly()),
                    lowerCap(a.monthly(), b.monthly()));
        }

        @Override
        public String stricterMeans() {
            return "each of daily, weekly and monthly lower, or set where the pack has none";
        }
    };

    /** A duty that is on or off, where on protects more: a deposit limit required at registration. */
    public static final RuleKind<Boolean> REQUIRED = flag(true, "true where the pack says false");

    /** A permission, where withdrawing it protects more: in-play betting, parallel play across operators. */
    public static final RuleKind<Boolean> PERMITTED = flag(false, "false where the pack says true");

    /** When identity is verified: earlier is stricter. */
    public static final RuleKind<KycTiming> KYC_TIMING = new RuleKind<>() {
        @Override
        public KycTiming parse(Object json) {
            if (!(json instanceof String wire)) {
                throw new IllegalArgumentException("a KYC timing: before_play, deposit_threshold or before_withdrawal");
            }
            return KycTiming.fromWire(wire);
        }

        @Override
        public Object toJson(KycTiming value) {
            return value.wire();
        }

        @Override
        public boolean atLeastAsStrict(KycTiming candidate, KycTiming reference) {
            return candidate.compareTo(reference) >= 0;
        }

        @Override
        public KycTiming strictest(KycTiming a, KycTiming b) {
            return a.compareTo(b) >= 0 ? a : b;
        }

        @Override
        public String stricterMeans() {
            return "verification earlier: before_withdrawal, then deposit_threshold, then before_play";
        }
    };

    /** What may be offered (bet types, market types), all or a list: a subset is stricter. */
    public static final RuleKind<Allowed> ALLOWED = new RuleKind<>() {
        @Override
        public Allowed parse(Object json) {
            if (json == null) {
                return Allowed.ALL;
            }
            return Allowed.only(Set.copyOf(strings(json, "a list of names, or null for all")));
        }

        @Override
        public Object toJson(Allowed value) {
            return value.all() ? null : List.copyOf(new TreeSet<>(value.values()));
        }

        @Override
        public boolean atLeastAsStrict(Allowed candidate, Allowed reference) {
            return candidate.within(reference);
        }

        @Override
        public Allowed strictest(Allowed a, Allowed b) {
            return a.intersect(b);
        }

        @Override
        public String stricterMeans() {
            return "only values the pack allows, fewer or the same";
        }
    };

    /** What must be excluded (event kinds): a superset is stricter. */
    public static final RuleKind<Set<String>> EXCLUDED = new RuleKind<>() {
        @Override
        public Set<String> parse(Object json) {
            return Set.copyOf(strings(json, "a list of names"));
        }

        @Override
        public Object toJson(Set<String> value) {
            return List.copyOf(new TreeSet<>(value));
        }

        @Override
        public boolean atLeastAsStrict(Set<String> candidate, Set<String> reference) {
            return candidate.containsAll(reference);
        }

        @Override
        public Set<String> strictest(Set<String> a, Set<String> b) {
            Set<String> union = new TreeSet<>(a);
            union.addAll(b);
            return Set.copyOf(union);
        }

        @Override
        public String stricterMeans() {
            return "everything the pack excludes, and possibly more";
        }
    };

    /**
     * Reality checks the player chooses within bounds, or none required: an interval inside the pack's, with a
     * default no later than the pack's, is stricter; requiring checks where the pack does not is stricter.
     */
    public static final RuleKind<Optional<RealityCheck>> REALITY_CHECK = new RuleKind<>() {
        @Override
        public Optional<RealityCheck> parse(Object json) {
            if (json == null) {
                return Optional.empty();
            }
            String expected = "an object with min, max and default minutes (1 <= min <= default <= max), or null";
            Map<String, Object> object = object(json, expected);
            onlyKeys(object, Set.of("min", "max", "default"), "min, max and default");
            int min = wholeNumber(object.get("min"), 1, 24 * 60, expected);
            int max = wholeNumber(object.get("max"), 1, 24 * 60, expected);
            int defaultMinutes = wholeNumber(object.get("default"), 1, 24 * 60, expected);
            if (min > defaultMinutes || defaultMinutes > max) {
                throw new IllegalArgumentException(expected);
            }
            return Optional.of(new RealityCheck(min, max, defaultMinutes));
        }

        @Override
        public Object toJson(Optional<RealityCheck> value) {
            return value.map(check -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("min", check.minMinutes());
                json.put("max", check.maxMinutes());
                json.put("default", check.defaultMinutes());
                return (Object) json;
            }).orElse(null);
        }

        @Override
        public boolean atLeastAsStrict(Optional<RealityCheck> candidate, Optional<RealityCheck> reference) {
            if (reference.isEmpty()) {
                return true;
            }
            if (candidate.isEmpty()) {
                return false;
            }
            RealityCheck c = candidate.get();
            RealityCheck r = reference.get();
            return c.minMinutes() >= r.minMinutes() && c.maxMinutes() <= r.maxMinutes()
                    && c.defaultMinutes() <= r.defaultMinutes();
        }

        /** Checks at least as often as both ask: the lower maximum wins, and the range never turns empty. */
        @Override
        public Optional<RealityCheck> strictest(Optional<RealityCheck> a, Optional<RealityCheck> b) {
            if (a.isEmpty()) {
                return b;
            }
            if (b.isEmpty()) {
                return a;
            }
            int max = Math.min(a.get().maxMinutes(), b.get().maxMinutes());
            int min = Math.min(max, Math.max(a.get().minMinutes(), b.get().minMinutes()));
            int defaultMinutes = Math.max(min, Math.min(max, Math.min(a.get().defaultMinutes(), b.get().defaultMinutes())));
            return Optional.of(new RealityCheck(min, max, defaultMinutes));
        }

        @Override
        public String stricterMeans() {
            return "bounds inside the pack's, with a default no longer than the pack's";
        }
    };

    /** Time-outs the player must be able to take: offering at least the pack's range (shorter and longer) is stricter. */
    public static final RuleKind<TimeOutBounds> TIME_OUT = new RuleKind<>() {
        @Override
        public TimeOutBounds parse(Object json) {
            String expected = "an object with min and max days (1 <= min <= max)";
            Map<String, Object> object = object(json, expected);
            onlyKeys(object, Set.of("min", "max"), "min and max");
            int min = wholeNumber(object.get("min"), 1, 3650, expected);
            int max = wholeNumber(object.get("max"), 1, 3650, expected);
            if (max < min) {
                throw new IllegalArgumentException(expected);
            }
            return new TimeOutBounds(min, max);
        }

        @Override
        public Object toJson(TimeOutBounds value) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("min", value.minDays());
            json.put("max", value.maxDays());
            return json;
        }

        @Override
        public boolean atLeastAsStrict(TimeOutBounds candidate, TimeOutBounds reference) {
            return candidate.minDays() <= reference.minDays() && candidate.maxDays() >= reference.maxDays();
        }

        @Override
        public TimeOutBounds strictest(TimeOutBounds a, TimeOutBounds b) {
            return new TimeOutBounds(Math.min(a.minDays(), b.minDays()), Math.max(a.maxDays(), b.maxDays()));
        }

        @Override
        public String stricterMeans() {
            return "a range covering the pack's: a minimum no longer and a maximum no shorter";
        }
    };

    /**
     * Self-exclusion periods offered: every period of the pack, possibly more, none shorter than the pack's
     * shortest. Across jurisdictions: every period offered anywhere that is no shorter than the longest minimum.
     */
    public static final RuleKind<SelfExclusionPeriods> SELF_EXCLUSION = new RuleKind<>() {
        @Override
        public SelfExclusionPeriods parse(Object json) {
            String expected = "a list of periods in months (1 or more) and/or \"indefinite\"";
            if (!(json instanceof List<?> list) || list.isEmpty()) {
                throw new IllegalArgumentException(expected);
            }
            SortedSet<Integer> months = new TreeSet<>();
            boolean indefinite = false;
            for (Object item : list) {
                if ("indefinite".equals(item)) {
                    indefinite = true;
                } else {
                    months.add(wholeNumber(item, 1, 1200, expected));
                }
            }
            return new SelfExclusionPeriods(months, indefinite);
        }

        @Override
        public Object toJson(SelfExclusionPeriods value) {
            List<Object> json = new ArrayList<>(value.months());
            if (value.indefinite()) {
                json.add("indefinite");
            }
            return json;
        }

        @Override
        public boolean atLeastAsStrict(SelfExclusionPeriods candidate, SelfExclusionPeriods reference) {
            return candidate.months().containsAll(reference.months())
                    && (candidate.indefinite() || !reference.indefinite())
                    && candidate.shortestMonths() >= reference.shortestMonths();
        }

        @Override
        public SelfExclusionPeriods strictest(SelfExclusionPeriods a, SelfExclusionPeriods b) {
            int floor = Math.max(a.shortestMonths(), b.shortestMonths());
            SortedSet<Integer> months = new TreeSet<>();
            a.months().stream().filter(m -> m >= floor).forEach(months::add);
            b.months().stream().filter(m -> m >= floor).forEach(months::add);
            boolean indefinite = a.indefinite() || b.indefinite();
            if (months.isEmpty() && !indefinite) {
                indefinite = true;
            }
            return new SelfExclusionPeriods(months, indefinite);
        }

        @Override
        public String stricterMeans() {
            return "every period of the pack, possibly more, none shorter than the pack's shortest";
        }
    };

    /** An optional name (a national register): the regulator's; not overridable. */
    public static final RuleKind<Optional<String>> FIXED_NAME = fixed(
            json -> {
                if (json == null) {
                    return Optional.empty();
                }
                if (json instanceof String name && !name.isBlank()) {
                    return Optional.of(name);
                }
                throw new IllegalArgumentException("a name, or null");
            },
            value -> value.orElse(null));

    /** A tax base: the regulator's; not overridable. */
    public static final RuleKind<String> FIXED_TAX_BASE = fixed(
            json -> {
                if ("ggr".equals(json) || "stakes".equals(json) || "none".equals(json)) {
                    return (String) json;
                }
                throw new IllegalArgumentException("ggr, stakes or none");
            },
            value -> value);

    /** A percentage as a decimal string ("15", "5.3"): the regulator's; not overridable. */
    public static final RuleKind<BigDecimal> FIXED_PERCENT = fixed(
            json -> {
                if (json instanceof String text && text.matches("[0-9]{1,2}(\\.[0-9]{1,2})?")) {
                    return new BigDecimal(text);
                }
                throw new IllegalArgumentException("a percentage as a string, e.g. \"15\" or \"5.3\"");
            },
            BigDecimal::toPlainString);

    /** A list of names (report formats): the regulator's; not overridable. */
    public static final RuleKind<List<String>> FIXED_NAMES = fixed(
            json -> List.copyOf(strings(json, "a list of names")),
            value -> value);

    /** An on/off rule: {@code stricter} is the value that protects more; strictest of two is it if either has it. */
    private static RuleKind<Boolean> flag(boolean stricter, String means) {
        return new RuleKind<>() {
            @Override
            public Boolean parse(Object json) {
                return bool(json);
            }

            @Override
            public Object toJson(Boolean value) {
                return value;
            }

            @Override
            public boolean atLeastAsStrict(Boolean candidate, Boolean reference) {
                return candidate == stricter || reference != stricter;
            }

            @Override
            public Boolean strictest(Boolean a, Boolean b) {
                return a == stricter || b == stricter ? stricter : !stricter;
            }

            @Override
            public String stricterMeans() {
                return means;
            }
        };
    }

    private static <T> RuleKind<T> fixed(Function<Object, T> parser, Function<T, Object> writer) {
        return new RuleKind<>() {
            @Override
            public T parse(Object json) {
                return parser.apply(json);
            }

            @Override
            public Object toJson(T value) {
                return writer.apply(value);
            }

            @Override
            public boolean atLeastAsStrict(T candidate, T reference) {
                return Objects.equals(candidate, reference);
            }

            /** Not a question of strictness: each jurisdiction keeps its own, so the first is kept. */
            @Override
            public T strictest(T a, T b) {
                return a;
            }

            @Override
            public boolean overridable() {
                return false;
            }

            @Override
            public String stricterMeans() {
                return "nothing: the regulator sets it";
            }
        };
    }

    static boolean capAtLeastAsStrict(OptionalLong candidate, OptionalLong reference) {
        return reference.isEmpty() || (candidate.isPresent() && candidate.getAsLong() <= reference.getAsLong());
    }

    static OptionalLong lowerCap(OptionalLong a, OptionalLong b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return OptionalLong.of(Math.min(a.getAsLong(), b.getAsLong()));
    }

    private static OptionalLong cap(Object json, String expected) {
        if (json == null) {
            return OptionalLong.empty();
        }
        if (json instanceof Number number && isWhole(number) && number.longValue() >= 0) {
            return OptionalLong.of(number.longValue());
        }
        throw new IllegalArgumentException(expected);
    }

    private static int wholeNumber(Object json, int min, int max, String expected) {
        if (json instanceof Number number && isWhole(number) && number.longValue() >= min && number.longValue() <= max) {
            return number.intValue();
        }
        throw new IllegalArgumentException(expected);
    }

    private static boolean isWhole(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return true;
        }
        if (number instanceof java.math.BigInteger big) {
            return big.bitLength() < 63;
        }
        try {
            return new BigDecimal(number.toString()).stripTrailingZeros().scale() <= 0
                    && new BigDecimal(number.toString()).abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean bool(Object json) {
        if (json instanceof Boolean value) {
            return value;
        }
        throw new IllegalArgumentException("true or false");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object json, String expected) {
        if (json instanceof Map<?, ?> map && map.keySet().stream().allMatch(String.class::isInstance)) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(expected);
    }

    private static void onlyKeys(Map<String, Object> object, Set<String> keys, String expected) {
        if (!keys.containsAll(object.keySet())) {
            throw new IllegalArgumentException("only " + expected);
        }
    }

    private static List<String> strings(Object json, String expected) {
        if (!(json instanceof List<?> list)) {
            throw new IllegalArgumentException(expected);
        }
        List<String> names = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String name) || !name.matches("[a-z0-9_]{1,40}")) {
                throw new IllegalArgumentException(expected + " (lower-case names)");
            }
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
