package io.healthwatch.contracts.kafka;

/**
 * The broker did not confirm a write. The stage must stop moving forward (not skip the record): it
 * is retried when the stage resumes.
 */
public final class NotAcknowledgedException extends RuntimeException {
  public NotAcknowledgedException(String message, Throwable cause) {
    super(message, cause);
  }
}
