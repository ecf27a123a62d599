package dev.tributary.core;

/**
 * What kind of failure happened, and therefore what the runtime does about it. Every {@link
 * TributaryException} carries one.
 */
public enum ErrorClass {
  /**
   * Bad credentials or settings. The job stops and the message tells the user what to fix; retrying
   * cannot help.
   */
  CONFIG(false),
  /**
   * A temporary condition: a timeout, a rate limit, a server error. Retried with exponential
   * backoff and jitter, honouring a {@code Retry-After} hint.
   */
  TRANSIENT(true),
  /** This record is bad. It is reported in the per-item results and the job goes on. */
  VALIDATION(false),
  /** A bug in a connector or in the SDK. The job stops. */
  SYSTEM(false);

  private final boolean retryable;

  ErrorClass(boolean retryable) {
    this.retryable = retryable;
  }

  /** Whether a failure of this class may succeed when tried again. */
  public boolean isRetryable() {
    return retryable;
  }

  /**
   * The default classification of an HTTP response status: 408, 423, 429 and 5xx except 501 are
   * {@link #TRANSIENT}; 401 and 403 are {@link #CONFIG}; 501 and every other 4xx are {@link
   * #VALIDATION}. Connectors may override this for a vendor whose statuses mean something else.
   *
   * @throws IllegalArgumentException if {@code status} is not an error status (400–599)
   */
  public static ErrorClass forHttpStatus(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("not an HTTP error status (400-599): " + status);
    }
    if (status == 408 || status == 423 || status == 429 || (status >= 500 && status != 501)) {
      return TRANSIENT;
    }
    if (status == 401 || status == 403) {
      return CONFIG;
    }
    return VALIDATION;
  }
}
