package io.healthwatch.crawler.url;

import io.healthwatch.contracts.message.ReasonCode;
import io.healthwatch.crawler.fetch.FetchException;
import io.healthwatch.crawler.source.Source;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Keeps the crawler off addresses the web should not lead it to: links in a feed and redirects are
 * written by others, and one pointing at loopback, a private network, a link-local address (cloud
 * metadata services live there) or a multicast group would make the crawler a way into the network
 * it runs in. Checked for every URL before it is fetched, so also on every redirect hop (each hop
 * is a URL of its own), after DNS resolution, on every address the name resolves to. The JVM caches
 * that answer (networkaddress.cache.ttl, 30 s by default) and the HTTP client connects with the
 * same cache, so a name cannot resolve to one address here and another there.
 *
 * <p>Allowed anyway: the hosts the operator wrote among a source's entry URLs, and every address
 * for a source with {@code allowPrivateAddresses} (an intranet source, the demo's loopback sites).
 */
public final class AddressGuard {
  private AddressGuard() {}

  /**
   * @throws FetchException ADDRESS_REFUSED (permanent) when the URL's host is such an address
   */
  public static void check(String url, Source source) throws FetchException {
    if (source.allowPrivateAddresses() || source.isEntryAuthority(url)) {
      return;
    }
    String host;
    try {
      host = URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return; // the fetcher says what is wrong with it
    }
    if (host == null) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      return; // the fetch fails on it, as a transient DNS failure
    }
    for (InetAddress address : addresses) {
      String kind = kind(address);
      if (kind != null) {
        throw FetchException.permanent(
            ReasonCode.ADDRESS_REFUSED,
            url,
            host
                + " resolves to the "
                + kind
                + " address "
                + address.getHostAddress()
                + "; source "
                + source.id()
                + " does not allow private addresses (allowPrivateAddresses)");
      }
    }
  }

  /** What is special about the address, or null for an ordinary public one. */
  static String kind(InetAddress address) {
    if (address.isLoopbackAddress()) {
      return "loopback";
    }
    if (address.isAnyLocalAddress()) {
      return "unspecified";
    }
    if (address.isLinkLocalAddress()) {
      return "link-local";
    }
    if (address.isMulticastAddress()) {
      return "multicast";
    }
    if (address.isSiteLocalAddress()) {
      return "private";
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 0) {
        return "unspecified";
      }
      if (first == 100 && second >= 64 && second < 128) {
        return "shared (carrier-grade NAT)";
      }
      if (first >= 240) {
        return "reserved";
      }
      return null;
    }
    if (address instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) {
        return "private (unique local)";
      }
      if (isEmbeddedIpv4(b)) {
        try {
          return kind(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
        } catch (UnknownHostException impossible) {
          return null;
        }
      }
    }
    return null;
  }

  /** IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses carry an IPv4 one. */
  private static boolean isEmbeddedIpv4(byte[] b) {
    boolean nat64 =
        (b[0] & 0xff) == 0x00
            && (b[1] & 0xff) == 0x64
            && (b[2] & 0xff) == 0xff
            && (b[3] & 0xff) == 0x9b;
    boolean leadingZeros = true;
    for (int i = nat64 ? 4 : 0; i < 12; i++) {
      leadingZeros &= b[i] == 0;
    }
    return leadingZeros;
  }
}
