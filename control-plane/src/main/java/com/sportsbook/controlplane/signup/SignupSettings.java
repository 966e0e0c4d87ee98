package com.sportsbook.controlplane.signup;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param portalUrl where operators open the portal; verification links point into it
 * @param verificationLifetime how long an e-mailed link stays good
 * @param termsVersion the version of the platform terms a signup must accept ({@code signup/terms-<version>.md})
 * @param mailFrom the sender of the platform's mails
 * @param mailHost the SMTP server the platform sends through
 * @param mailPort its port
 * @param mailEmbedded start an SMTP server (GreenMail) inside the control plane and show what it received at
 *     {@code /dev/mailbox}: the embedded mode's default; production points {@code mailHost} at its relay instead
 */
@ConfigurationProperties("control-plane.signup")
record SignupSettings(URI portalUrl, Duration verificationLifetime, String termsVersion, String mailFrom,
        String mailHost, int mailPort, boolean mailEmbedded) {
}
