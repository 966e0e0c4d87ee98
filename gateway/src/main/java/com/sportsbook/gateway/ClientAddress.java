package com.sportsbook.gateway;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Who the gateway served: the socket's peer, unless that peer is one of the deployment's own proxies (a load balancer
 * in front of the gateway, {@code gateway.trusted-proxies}). Then the client is read from the {@code X-Forwarded-For}
 * the proxies built, right to left: each trusted proxy appended the address it was called from, so the first address
 * from the right that is not a trusted proxy is the client; what lies to its left was written by that client and is
 * not believed. If every address is a trusted proxy the left-most is taken; an entry that is not an IP address
 * (a client may write anything) ends the walk at the trusted hop that passed it on (ADR 0034).
 */
final class ClientAddress {

    private final List<Cidr> trustedProxies;

    ClientAddress(List<String> trustedProxies) {
        List<Cidr> parsed = new ArrayList<>();
        for (String range : trustedProxies) {
            if (!range.isBlank()) {
                parsed.add(Cidr.parse(range.trim()));
            }
        }
        this.trustedProxies = List.copyOf(parsed);
    }

    /**
     * @param peer the socket's peer
     * @param forwardedFor the request's {@code X-Forwarded-For} values as received (null when there are none)
     * @return the client's address
     */
    InetAddress resolve(InetAddress peer, List<String> forwardedFor) {
        if (!isTrusted(peer) || forwardedFor == null || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",")) {
                hops.add(hop.trim());
            }
        }
        InetAddress nearest = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                return nearest;
            }
            if (!isTrusted(hop)) {
                return hop;
            }
            nearest = hop;
        }
        return nearest;
    }

    boolean isTrusted(InetAddress address) {
        for (Cidr range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** An IP address written as such (never a host name: nothing is looked up), or null. */
    private static InetAddress literal(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        return bare.isEmpty() ? null : NetUtil.createInetAddressFromIpAddressString(bare);
    }

    /** An address range: an IPv4 or IPv6 address and a prefix length ({@code 10.0.0.0/8}); a lone address is itself. */
    private record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            InetAddress parsed = NetUtil.createInetAddressFromIpAddressString(slash < 0 ? text : text.substring(0, slash));
            if (parsed == null) {
                throw refused(text);
            }
            byte[] bytes = parsed.getAddress();
            int prefix;
            try {
                prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw refused(text);
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw refused(text);
            }
            return new Cidr(bytes, prefix);
        }

        private static IllegalArgumentException refused(String text) {
            return new IllegalArgumentException("not an IP address range: '" + text + "' (gateway.trusted-proxies)");
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (candidate[whole] & mask) == (network[whole] & mask);
        }
    }
}
