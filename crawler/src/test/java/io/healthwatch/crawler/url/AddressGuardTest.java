package io.healthwatch.crawler.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressGuardTest {
  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, loopback",
    "127.8.9.10, loopback",
    "::1, loopback",
    "10.1.2.3, private",
    "172.16.0.1, private",
    "172.31.255.255, private",
    "192.168.1.1, private",
    "169.254.169.254, link-local",
    "fe80::1, link-local",
    "fd00::1, private (unique local)",
    "0.0.0.0, unspecified",
    "0.1.2.3, unspecified",
    "100.64.0.1, shared (carrier-grade NAT)",
    "224.0.0.1, multicast",
    "ff02::1, multicast",
    "255.255.255.255, reserved",
    "::ffff:10.0.0.1, private",
    "64:ff9b::7f00:1, loopback"
  })
  void specialAddressesAreNamed(String address, String kind) throws Exception {
    assertEquals(kind, AddressGuard.kind(InetAddress.getByName(address)));
  }

  @ParameterizedTest
  @CsvSource({"8.8.8.8", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2001:4860:4860::8888"})
  void publicAddressesPass(String address) throws Exception {
    assertNull(AddressGuard.kind(InetAddress.getByName(address)));
  }
}
