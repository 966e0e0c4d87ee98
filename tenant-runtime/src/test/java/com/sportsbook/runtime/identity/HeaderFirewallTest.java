package com.sportsbook.runtime.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class HeaderFirewallTest {

    /** Spring Security's own rule for header names and values. */
    private static final Pattern STRICT = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @Test
    void printableTextAndAssignedUnicodePassWhileControlsAndUnassignedCodePointsDoNot() {
        assertThat(HeaderFirewall.assignedAndNotControl("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")).isTrue();
        assertThat(HeaderFirewall.assignedAndNotControl("Zürich, 東京 \uD83C\uDFC6")).isTrue();
        assertThat(HeaderFirewall.assignedAndNotControl("a\nb")).isFalse();
        assertThat(HeaderFirewall.assignedAndNotControl("a\u0000b")).isFalse();
        assertThat(HeaderFirewall.assignedAndNotControl("a\u0085b")).isFalse();
        assertThat(HeaderFirewall.assignedAndNotControl("a\u0378b")).isFalse(); // unassigned
        assertThat(HeaderFirewall.assignedAndNotControl("")).isTrue();
    }

    @Property(tries = 2000)
    void agreesWithSpringSecuritysPattern(@ForAll String text) {
        assertThat(HeaderFirewall.assignedAndNotControl(text)).isEqualTo(STRICT.matcher(text).matches());
    }

    @Test
    void theFirewallUsesTheLoopForHeaderNamesAndValues() {
        org.springframework.mock.web.MockHttpServletRequest request = new org.springframework.mock.web.MockHttpServletRequest("GET", "/api/v1/bets");
        request.addHeader("X-Probe", "bad\u0007value");
        jakarta.servlet.http.HttpServletRequest firewalled = HeaderFirewall.strict().getFirewalledRequest(request);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> firewalled.getHeader("X-Probe"))
                .isInstanceOf(org.springframework.security.web.firewall.RequestRejectedException.class);
    }
}
