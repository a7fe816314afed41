package dev.siteready.partner;

import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The client's network, not its full address: IPv4 cut to /24, IPv6 to /48. Used as the rate limit key and
 * in access logs, so SiteReady never keeps a partner's exact address. Behind a load balancer, set
 * SITEREADY_BEHIND_PROXY=true so the address comes from X-Forwarded-For.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String network(RoutingContext routing) {
        SocketAddress remote = routing.request().remoteAddress();
        return remote == null || remote.hostAddress() == null ? "unknown" : truncate(remote.hostAddress());
    }

    static String truncate(String address) {
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length == 4) {
                return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
            }
            return String.format("%x:%x:%x::/48", ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff),
                    ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff), ((bytes[4] & 0xff) << 8) | (bytes[5] & 0xff));
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
