package com.sportsbook.runtime.audit.log;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param sealInterval how often a busy tenant's new audit records are chained (a tenant whose last pass chained some)
 * @param idleSealInterval how often a quiet tenant's are (one whose last pass found none)
 * @param sealBatch how many records one sealing transaction chains at most
 */
@ConfigurationProperties("runtime.audit")
record AuditSettings(Duration sealInterval, Duration idleSealInterval, Integer sealBatch) {

    AuditSettings {
        sealInterval = sealInterval == null ? Duration.ofMillis(200) : sealInterval;
        idleSealInterval = idleSealInterval == null ? Duration.ofSeconds(1) : idleSealInterval;
        sealBatch = sealBatch == null || sealBatch < 1 ? 1_000 : sealBatch;
    }
}
