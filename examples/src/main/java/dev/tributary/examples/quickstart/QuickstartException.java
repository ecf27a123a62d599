package dev.tributary.examples.quickstart;

/** A quickstart step failed: names the step and keeps the cause. */
public final class QuickstartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String step;

  QuickstartException(String step, String message, Throwable cause) {
    super("the " + step + " step failed: " + message, cause);
    this.step = step;
  }

  /** The step that failed: export, import, webhooks, enrichment or alerts. */
  public String step() {
    return step;
  }
}
