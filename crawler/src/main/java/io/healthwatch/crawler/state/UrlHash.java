package io.healthwatch.crawler.state;

/**
 * A 64-bit hash of a URL for the set of URLs the crawler is done with: 64-bit FNV-1a over the
 * UTF-16 units, then the SplitMix64 finalizer so nearby URLs spread over the table. At ten million
 * URLs two collide with a probability of about 3 in a million; a collision makes one URL look
 * known, never loses a state (the full state is on the status topic).
 */
final class UrlHash {
  private UrlHash() {}

  static long of(String url) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < url.length(); i++) {
      hash ^= url.charAt(i);
      hash *= 0x100000001b3L;
    }
    hash ^= hash >>> 30;
    hash *= 0xbf58476d1ce4e5b9L;
    hash ^= hash >>> 27;
    hash *= 0x94d049bb133111ebL;
    return hash ^ (hash >>> 31);
  }
}
