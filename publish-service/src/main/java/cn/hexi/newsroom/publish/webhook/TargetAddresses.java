package cn.hexi.newsroom.publish.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a webhook may send: a subscriber's URL is resolved and refused when any address it resolves to is loopback,
 * private, link-local (the cloud metadata service at 169.254.169.254 among them), carrier-grade NAT, unique-local IPv6,
 * multicast or unspecified, so a subscription cannot make this service reach inside its own network. The check runs at
 * subscription and again before every delivery, since a name can resolve elsewhere later (DNS rebinding). Private
 * targets can be allowed for local use ({@code newsroom.publish.webhooks.allow-private-targets}).
 */
public final class TargetAddresses {

    /** Resolves a host name to all its addresses; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Set<String> METADATA_NAMES = Set.of("metadata", "metadata.google.internal", "metadata.azure.internal");

    private final boolean allowPrivate;
    private final Resolver resolver;

    public TargetAddresses(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** Why the URL's host may not be a webhook target, or empty when it may. */
    public Optional<String> refusal(URI url) {
        if (allowPrivate) {
            return Optional.empty();
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (METADATA_NAMES.contains(host)) {
            return Optional.of(host + " is a cloud metadata service");
        }
        try {
            for (InetAddress address : resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host)) {
                if (internal(address)) {
                    return Optional.of(host + " resolves to " + address.getHostAddress() + ", an address inside a private network");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of(host + " does not resolve");
        }
    }

    static boolean internal(InetAddress address) {
        byte[] b = address.getAddress();
        boolean carrierNat = b.length == 4 && (b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64;
        boolean uniqueLocal = address instanceof Inet6Address && (b[0] & 0xFE) == 0xFC;
        return address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress() || carrierNat || uniqueLocal || mappedInternal(b);
    }

    /** An IPv4 address written as IPv6 ({@code ::ffff:127.0.0.1}); Java usually unwraps these, but not always. */
    private static boolean mappedInternal(byte[] b) {
        if (b.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        if ((b[10] & 0xFF) != 0xFF || (b[11] & 0xFF) != 0xFF) {
            return false;
        }
        try {
            return internal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException impossible) {
            return true;
        }
    }
}
