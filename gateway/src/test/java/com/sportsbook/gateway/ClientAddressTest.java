package com.sportsbook.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress behindBalancers = new ClientAddress(List.of("10.0.0.0/8", " 192.168.4.7 ", "2001:db8:1::/48"));

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    private String resolve(ClientAddress clients, String peer, String... forwardedFor) throws UnknownHostException {
        return clients.resolve(ip(peer), forwardedFor.length == 0 ? null : List.of(forwardedFor)).getHostAddress();
    }

    @Test
    void withoutTrustedProxiesTheSocketsPeerIsTheClientWhateverItClaims() throws Exception {
        ClientAddress direct = new ClientAddress(List.of());

        assertThat(resolve(direct, "198.51.100.23", "203.0.113.9")).isEqualTo("198.51.100.23");
        assertThat(resolve(direct, "10.0.0.9", "203.0.113.9")).isEqualTo("10.0.0.9");
    }

    @Test
    void aClientCallingFromOutsideTheTrustedRangesIsItselfWhateverItClaims() throws Exception {
        assertThat(resolve(behindBalancers, "198.51.100.23", "10.0.0.1, 203.0.113.9")).isEqualTo("198.51.100.23");
    }

    @Test
    void theFirstAddressFromTheRightThatIsNoTrustedProxyIsTheClient() throws Exception {
        // the client forged the left-most entry; the outer balancer (192.168.4.7) and the inner one (10.0.0.5) appended theirs
        assertThat(resolve(behindBalancers, "10.0.0.5", "6.6.6.6, 198.51.100.23, 192.168.4.7")).isEqualTo("198.51.100.23");
        assertThat(resolve(behindBalancers, "10.0.0.5", "6.6.6.6", "198.51.100.23")).as("the header sent twice")
                .isEqualTo("198.51.100.23");
        assertThat(resolve(behindBalancers, "2001:db8:1::7", "2001:db8:2::1")).isEqualTo("2001:db8:2:0:0:0:0:1");
        assertThat(resolve(behindBalancers, "10.0.0.5", "[2001:db8:9::1]")).isEqualTo("2001:db8:9:0:0:0:0:1");
    }

    @Test
    void aBalancerWithNoHeaderOrOnlyTrustedHopsGivesTheNearestAddressItKnows() throws Exception {
        assertThat(resolve(behindBalancers, "10.0.0.5")).isEqualTo("10.0.0.5");
        assertThat(resolve(behindBalancers, "10.0.0.5", "10.1.1.1, 192.168.4.7")).isEqualTo("10.1.1.1");
    }

    @Test
    void anEntryThatIsNoAddressEndsTheWalkAtTheTrustedHopThatPassedItOn() throws Exception {
        assertThat(resolve(behindBalancers, "10.0.0.5", "unknown, 192.168.4.7")).isEqualTo("192.168.4.7");
        assertThat(resolve(behindBalancers, "10.0.0.5", "evil.example")).as("never looked up").isEqualTo("10.0.0.5");
        assertThat(resolve(behindBalancers, "10.0.0.5", "")).isEqualTo("10.0.0.5");
    }

    @Test
    void rangesMatchByTheirPrefixOnly() throws Exception {
        ClientAddress ranges = new ClientAddress(List.of("172.16.0.0/12", "0.0.0.0/0"));
        ClientAddress odd = new ClientAddress(List.of("172.16.0.0/12"));

        assertThat(odd.isTrusted(ip("172.31.255.255"))).isTrue();
        assertThat(odd.isTrusted(ip("172.32.0.0"))).isFalse();
        assertThat(odd.isTrusted(ip("::ffff:172.16.0.1"))).as("an IPv4-mapped address is the IPv4 one").isTrue();
        assertThat(odd.isTrusted(ip("2001:db8::1"))).isFalse();
        assertThat(ranges.isTrusted(ip("203.0.113.9"))).isTrue();
    }

    @Test
    void aRangeThatIsNotOneStopsTheGatewaysStart() {
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"))).hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> new ClientAddress(List.of("balancer.internal"))).hasMessageContaining("balancer.internal");
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/x"))).hasMessageContaining("10.0.0.0/x");
    }
}
