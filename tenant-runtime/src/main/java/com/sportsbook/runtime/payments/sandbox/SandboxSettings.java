package com.sportsbook.runtime.payments.sandbox;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param webhookTarget where the sandbox delivers webhooks: the gateway, called with the brand's host, as a real PSP
 *     calls the brand's domain
 * @param signingSecret the master secret webhook signing keys are derived from, per tenant (a marked dev default)
 * @param settleAfter how long a normal deposit takes to succeed
 * @param slowSettleAfter how long a deposit of a "slow" test amount takes
 * @param duplicateProbability the share of webhooks delivered a second time, as real PSPs sometimes do
 */
@ConfigurationProperties("runtime.payments.sandbox")
record SandboxSettings(URI webhookTarget, String signingSecret, Duration settleAfter, Duration slowSettleAfter,
        double duplicateProbability) {
}
