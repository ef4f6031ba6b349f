package io.healthwatch.enricher;

/**
 * A processor's output with where it goes next: the topology splits on the route, so each processor
 * stays a plain function of its input and no step is wired to another's node names.
 */
public record Routed(Route route, Object value) {
  /** The next step of a record. */
  public enum Route {
    TAG,
    DEDUP,
    TAGGED,
    DUPLICATES,
    DEAD_LETTER
  }

  public boolean goesTo(Route target) {
    return route == target;
  }
}
