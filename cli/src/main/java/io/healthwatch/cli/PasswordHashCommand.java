package io.healthwatch.cli;

import io.healthwatch.editorial.web.PasswordHash;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./healthwatch password-hash}: what the editorial config holds instead of a password or a
 * token. The password is read without echo from the terminal, or as the first line of stdin.
 */
@Command(
    name = "password-hash",
    mixinStandardHelpOptions = true,
    description = {
      "Print the hash of the editors' password for server.login.passwordHash (read without echo,"
          + " or the first line of stdin), or with --token make an API token and print it with the"
          + " digest for server.login.tokens."
    })
final class PasswordHashCommand implements Callable<Integer> {
  @Option(names = "--token", description = "make a random API token instead")
  boolean token;

  @Override
  public Integer call() throws Exception {
    if (token) {
      byte[] bytes = new byte[32];
      new SecureRandom().nextBytes(bytes);
      String value = HexFormat.of().formatHex(bytes);
      System.out.println("token (give it to the program; it is not stored): " + value);
      System.out.println("server.login.tokens entry: " + PasswordHash.tokenDigest(value));
      return 0;
    }
    char[] password;
    var console = System.console();
    if (console != null) {
      password = console.readPassword("password: ");
      char[] again = console.readPassword("again: ");
      if (password == null || !Arrays.equals(password, again)) {
        throw new IllegalArgumentException("the two passwords differ");
      }
    } else {
      String line =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      password = line == null ? new char[0] : line.toCharArray();
    }
    if (password.length < 12) {
      throw new IllegalArgumentException("a password of 12 characters or more, please");
    }
    System.out.println(PasswordHash.of(password));
    Arrays.fill(password, '\0');
    return 0;
  }
}
