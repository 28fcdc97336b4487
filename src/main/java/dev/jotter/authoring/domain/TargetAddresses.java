package dev.jotter.authoring.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a webhook may be sent to: public ones only, so that a webhook cannot make the
 * server call what only it can reach (its own admin ports, the cloud's metadata service, the office
 * network), unless the installation names such networks as allowed ({@code
 * jotter.webhooks.allowed-private-networks}, CIDR blocks such as {@code 10.0.0.0/8}).
 */
public final class TargetAddresses {

  private final List<Block> allowed;

  private record Block(byte[] network, int bits) {
    boolean contains(InetAddress address) {
      byte[] a = address.getAddress();
      if (a.length != network.length) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >>> (i % 8);
        if ((a[i / 8] & mask) != (network[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  private TargetAddresses(List<Block> allowed) {
    this.allowed = List.copyOf(allowed);
  }

  /**
   * The policy allowing these private networks, comma-separated CIDR blocks (blank: none).
   *
   * @throws IllegalArgumentException for a block that is not one
   */
  public static TargetAddresses allowing(String networks) {
    List<Block> blocks = new ArrayList<>();
    for (String cidr : networks.split(",")) {
      String text = cidr.trim();
      if (text.isEmpty()) {
        continue;
      }
      String[] parts = text.split("/", 2);
      try {
        if (!parts[0].matches("[0-9a-fA-F:.]+")) {
          throw new IllegalArgumentException("not an address: " + text);
        }
        byte[] network = InetAddress.getByName(parts[0]).getAddress(); // a literal: no lookup
        int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
        if (bits < 0 || bits > network.length * 8) {
          throw new IllegalArgumentException("bad prefix length: " + text);
        }
        blocks.add(new Block(network, bits));
      } catch (UnknownHostException | NumberFormatException e) {
        throw new IllegalArgumentException("not a CIDR block: " + text, e);
      }
    }
    return new TargetAddresses(blocks);
  }

  /** Why a webhook may not be sent to {@code address}, or empty when it may. */
  public Optional<String> refusal(InetAddress address) {
    return refusal(address.getHostAddress(), address);
  }

  /**
   * Why a webhook may not be sent to {@code host}, which resolved to {@code address}, or empty when
   * it may.
   */
  public Optional<String> refusal(String host, InetAddress address) {
    String kind = privateKind(address);
    if (kind == null || allowed.stream().anyMatch(b -> b.contains(address))) {
      return Optional.empty();
    }
    String where =
        host.equals(address.getHostAddress())
            ? host + " is " + kind
            : host + " resolves to " + address.getHostAddress() + ", " + kind;
    return Optional.of(
        where
            + "; webhooks go to public addresses only (an administrator of the server can allow"
            + " networks with JOTTER_WEBHOOKS_ALLOWED_PRIVATE_NETWORKS)");
  }

  private static String privateKind(InetAddress a) {
    if (a.isLoopbackAddress()) {
      return "a loopback address";
    }
    if (a.isAnyLocalAddress()) {
      return "the wildcard address";
    }
    if (a.isLinkLocalAddress()) {
      return "a link-local address";
    }
    if (a.isSiteLocalAddress()) {
      return "a private address";
    }
    if (a.isMulticastAddress()) {
      return "a multicast address";
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 0 || first >= 240) {
        return "a reserved address";
      }
      if (first == 100 && second >= 64 && second < 128) {
        return "a shared (carrier-grade NAT) address";
      }
      if (first == 198 && (second == 18 || second == 19)) {
        return "a benchmarking address";
      }
      if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
        return "a reserved address";
      }
    } else if (a instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) {
        return "a private (unique local) address";
      }
      if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
        return "a private (site-local) address";
      }
    }
    return null;
  }
}
