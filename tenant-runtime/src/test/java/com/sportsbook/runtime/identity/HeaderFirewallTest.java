package com.sportsbook.runtime.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;

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
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/bets");
        request.addHeader("X-Probe", "bad\u0007value");
        HttpServletRequest firewalled = HeaderFirewall.strict().getFirewalledRequest(request);
        assertThatThrownBy(() -> firewalled.getHeader("X-Probe")).isInstanceOf(RequestRejectedException.class);
    }
}
