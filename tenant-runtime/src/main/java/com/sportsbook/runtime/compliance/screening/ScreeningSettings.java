package com.sportsbook.runtime.compliance.screening;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Platform-wide screening settings (the lists are the platform's, not a tenant's).
 *
 * @param listDirectory where list versions loaded at runtime are kept, so that a restart screens against them
 *     rather than the bundled ones; empty keeps them in memory only (lost at restart)
 * @param threshold the score from which a listed individual is a hit (see {@code MatchPolicy})
 * @param rescreenBatchSize how many players one transaction of a re-screening reads and screens
 * @param pepList where the file-based PEP list source reads the list ({@code PepCsv} format): a path, or
 *     {@code classpath:} and a resource; empty screens against no PEP list until one is loaded
 */
@ConfigurationProperties("runtime.compliance.screening")
record ScreeningSettings(@DefaultValue("") String listDirectory, @DefaultValue("0.78") double threshold,
        @DefaultValue("500") int rescreenBatchSize, @DefaultValue("") String pepList) {
}
