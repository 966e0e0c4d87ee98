package com.sportsbook.runtime.compliance.responsible;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param registers             which adapter answers for each national register: {@code sandbox} (the default, for
 *                              the embedded mode and tests) for every register the packs name
 * @param sandboxListedEmails   emails the sandbox registers list, besides last names starting with "Excluded"
 * @param registerRecheck       how long a national-register hit stands before the register is asked again
 * @param realityCheckDefaults  reality-check bounds where no jurisdiction of the brand sets any: min, max, default minutes
 */
@ConfigurationProperties("runtime.compliance.responsible")
record ResponsibleGamblingSettings(List<String> registers, Set<String> sandboxListedEmails, Duration registerRecheck,
        List<Integer> realityCheckDefaults) {

    ResponsibleGamblingSettings {
        registers = registers == null ? List.of("GAMSTOP", "ROFUS", "SPELPAUS", "OASIS", "RGIAJ", "NJ_DGE_SELF_EXCLUSION")
                : List.copyOf(registers);
        sandboxListedEmails = sandboxListedEmails == null ? Set.of() : Set.copyOf(sandboxListedEmails);
        registerRecheck = registerRecheck == null ? Duration.ofHours(24) : registerRecheck;
        realityCheckDefaults = realityCheckDefaults == null || realityCheckDefaults.size() != 3 ? List.of(10, 120, 60)
                : List.copyOf(realityCheckDefaults);
    }
}
