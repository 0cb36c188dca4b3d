package org.ibvadvisor.http.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/** A block of addresses, {@code 10.0.0.0/8}, {@code 127.0.0.1} (one address) or {@code fd00::/8}. */
public record Cidr(byte[] network, int prefixLength) {
    public Cidr {
        Objects.requireNonNull(network, "network");
        if (network.length != 4 && network.length != 16) throw new IllegalArgumentException("not an IP address");
        if (prefixLength < 0 || prefixLength > network.length * 8) {
            throw new IllegalArgumentException("prefix length must be 0.." + network.length * 8 + ", was " + prefixLength);
        }
        network = masked(network.clone(), prefixLength);
    }

    /** Parses {@code address[/prefix]}; only literal addresses, never a name to look up. */
    public static Cidr parse(String text) {
        Objects.requireNonNull(text, "text");
        String value = text.strip();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) throw new IllegalArgumentException("not an IP address or CIDR block: \"" + text + "\"");
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(value.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR block: \"" + text + "\"");
            }
            if (prefix < 0 || prefix > bytes.length * 8) throw new IllegalArgumentException("not a CIDR block: \"" + text + "\"");
        }
        return new Cidr(bytes, prefix);
    }

    /** Whether the literal address {@code address} is in this block; {@code false} for anything else. */
    public boolean contains(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) return false;
        if (bytes.length != network.length) {
            byte[] mapped = bytes.length == 16 ? v4Mapped(bytes) : null;
            if (mapped == null || network.length != 4) return false;
            bytes = mapped;
        }
        return Arrays.equals(masked(bytes, prefixLength), network);
    }

    /** The bytes of a literal IPv4 or IPv6 address (brackets allowed), or {@code null}: never a DNS lookup. */
    static byte[] literal(String address) {
        if (address == null || address.isEmpty()) return null;
        String value = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int zone = value.indexOf('%');
        if (zone >= 0) value = value.substring(0, zone);
        boolean v4 = value.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = value.contains(":") && value.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) return null;
        try {
            return InetAddress.getByName(value).getAddress(); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] v4Mapped(byte[] v6) {
        for (int i = 0; i < 10; i++) if (v6[i] != 0) return null;
        if (v6[10] != (byte) 0xff || v6[11] != (byte) 0xff) return null;
        return Arrays.copyOfRange(v6, 12, 16);
    }

    private static byte[] masked(byte[] bytes, int prefix) {
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            bytes[i] &= (byte) (0xff << (8 - keep));
        }
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr that && prefixLength == that.prefixLength && Arrays.equals(network, that.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
