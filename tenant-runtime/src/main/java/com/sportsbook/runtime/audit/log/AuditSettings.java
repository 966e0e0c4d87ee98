package com.sportsbook.runtime.audit.log;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param sealInterval how often every active tenant's new audit records are chained
 * @param sealBatch how many records one sealing transaction chains at most
 */
@ConfigurationProperties("runtime.audit")
record AuditSettings(Duration sealInterval, Integer sealBatch) {

    AuditSettings {
        sealInterval = sealInterval == null ? Duration.ofSeconds(1) : sealInterval;
        sealBatch = sealBatch == null || sealBatch < 1 ? 1_000 : sealBatch;
    }
}
