package dev.tributary.templates;

/**
 * The Go release whose {@code text/template} language to follow. Templates that work in an older
 * release work the same in a newer one; newer releases accept more:
 *
 * <ul>
 *   <li>{@link #GO_1_19}: {@code break} and {@code continue} in {@code range} (Go 1.18), and
 *       nothing newer — the release the shared conformance data was produced with;
 *   <li>{@link #GO_1_22}: {@code range} over an integer ({@code {{range 3}}} visits 0, 1, 2);
 *   <li>{@link #GO_1_23}: {@code {{with .a}}…{{else with .b}}…{{end}}}.
 * </ul>
 *
 * Choose the release of the Go programs that render the same templates elsewhere, so that a
 * template that fails there fails here too. The default is the newest, {@link #GO_1_23}.
 */
public enum GoVersion {
  GO_1_19,
  GO_1_22,
  GO_1_23;

  boolean rangeOverInt() {
    return compareTo(GO_1_22) >= 0;
  }

  boolean elseWith() {
    return compareTo(GO_1_23) >= 0;
  }
}
