package com.sportsbook.runtime.compliance.reports;

import com.sportsbook.runtime.compliance.rules.EffectiveRules;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The bound tenant's licences and which of them a player's records fall under (ADR 0021). The licences are the
 * jurisdictions of the tenant's brands in their effective rules. A player belongs to their brand's only licence; on a
 * brand licensed in several jurisdictions, to the one of the player's registered country (a sub-national licence such
 * as {@code CA-ON} counts for its country), else to the brand's first-listed, its primary licence. Read once per
 * report, so every row of one report is judged by the same rules.
 */
final class Licences {

    /** ISO 3166-1 alpha-2, optionally with a subdivision: the shape of a jurisdiction code ({@code GB}, {@code US-NJ}). */
    private static final Pattern CODE = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final Map<String, List<String>> byBrand;

    private Licences(Map<String, List<String>> byBrand) {
        this.byBrand = Map.copyOf(byBrand);
    }

    static Licences of(EffectiveRules rules) {
        return of(rules.jurisdictionsByBrand());
    }

    /** @param byBrand each brand's jurisdictions, its primary licence first */
    static Licences of(Map<String, List<String>> byBrand) {
        return new Licences(byBrand);
    }

    /** Every licence of the tenant, in alphabetical order. */
    List<String> held() {
        Set<String> held = new TreeSet<>();
        byBrand.values().forEach(held::addAll);
        return List.copyOf(held);
    }

    boolean holds(String licence) {
        return byBrand.values().stream().anyMatch(codes -> codes.contains(licence));
    }

    /** Whether the code has the shape of a jurisdiction at all (a country, or a country's subdivision). */
    static boolean isJurisdictionCode(String code) {
        return CODE.matcher(code).matches() && COUNTRIES.contains(code.substring(0, 2));
    }

    /** The licence a player of {@code brand} registered in {@code country} (null if unknown) falls under; null if none. */
    String of(String brand, String country) {
        List<String> codes = brand == null ? null : byBrand.get(brand);
        if (codes == null || codes.isEmpty()) {
            return null;
        }
        if (codes.size() > 1 && country != null) {
            String upper = country.toUpperCase(Locale.ROOT);
            for (String code : codes) {
                if (code.equals(upper) || code.startsWith(upper + "-")) {
                    return code;
                }
            }
        }
        return codes.getFirst();
    }
}
