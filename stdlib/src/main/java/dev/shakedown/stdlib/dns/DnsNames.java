package dev.shakedown.stdlib.dns;

import dev.shakedown.dsl.DslException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.xbill.DNS.Address;

/** Host names and address literals as scripts write them, checked and brought to one form. */
final class DnsNames {
    /** A label of letters, digits and inner hyphens (RFC 1123); underscores too, for service names. */
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
    private static final int MAX_NAME = 253;

    private DnsNames() {}

    /** {@code Guardian.Demo.Internal.} becomes {@code guardian.demo.internal}: DNS names ignore case and the root dot. */
    static String normalize(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /** The normalized name, or a {@link DslException} that names the bad value. */
    static String name(Object value) {
        String name = normalize(String.valueOf(value));
        boolean valid = !name.isEmpty() && name.length() <= MAX_NAME;
        for (String label : name.split("\\.", -1)) valid &= LABEL.matcher(label).matches();
        if (!valid) {
            throw new DslException("'" + value + "' is not a valid DNS name: write labels of letters, digits and hyphens"
                    + " separated by dots, such as 'guardian.demo.internal'");
        }
        return name;
    }

    /** An IPv4 or IPv6 literal; never a host name, which would need a lookup while the plan is built. */
    static Optional<InetAddress> literal(String text) {
        String bare = text.trim();
        if (bare.startsWith("[") && bare.endsWith("]")) bare = bare.substring(1, bare.length() - 1);
        byte[] bytes = Address.toByteArray(bare, Address.IPv4);
        if (bytes == null) bytes = Address.toByteArray(bare, Address.IPv6);
        if (bytes == null) return Optional.empty();
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty(); // cannot happen for 4 or 16 bytes
        }
    }

    /** The address, or a {@link DslException} that names the bad value and {@code what} it was for. */
    static InetAddress address(Object value, String what) {
        return literal(String.valueOf(value)).orElseThrow(() -> new DslException(what + ": '" + value
                + "' is not an IPv4 or IPv6 address; write one such as '127.0.0.1' or '::1'"));
    }
}
