package io.healthwatch.devstack.services;

/** A local service could not be installed, started or stopped; the message is one line to print. */
public final class ServiceException extends RuntimeException {
  public ServiceException(String message) {
    super(message);
  }

  public ServiceException(String message, Throwable cause) {
    super(message, cause);
  }
}
