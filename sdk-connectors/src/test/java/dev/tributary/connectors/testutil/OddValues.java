package dev.tributary.connectors.testutil;

/** Field values outside the model's contract, for tests of what an export does with them. */
public final class OddValues {
  private OddValues() {}

  /** An enum whose {@code toString()} is not its name. */
  public enum Plan {
    PRO {
      @Override
      public String toString() {
        return "Pro plan";
      }
    }
  }

  /** A record: an object JSON has no form for. */
  public record Point(int x) {}
}
