package dev.tributary.examples.cli.sop.conformance;

import java.nio.charset.StandardCharsets;
import sop.operation.Version;

/**
 * {@code sop version} and its options as sop-java's {@link Version}: the first line is the name and
 * the version, {@code --sop-spec} the draft revision (with {@code ~} in front when the
 * implementation is incomplete) and then remarks, one a line.
 */
final class CliVersion implements Version {
  private final CliSop sop;

  CliVersion(CliSop sop) {
    this.sop = sop;
  }

  private String run(String... options) {
    SopCall call = sop.call("version");
    for (String option : options) {
      call.arg(option);
    }
    return new String(call.run(new byte[0]), StandardCharsets.UTF_8).strip();
  }

  private String nameAndVersion() {
    return run().lines().findFirst().orElse("");
  }

  @Override
  public String getName() {
    String line = nameAndVersion();
    int space = line.lastIndexOf(' ');
    return space < 0 ? line : line.substring(0, space);
  }

  @Override
  public String getVersion() {
    String line = nameAndVersion();
    return line.substring(line.lastIndexOf(' ') + 1);
  }

  @Override
  public String getBackendVersion() {
    return run("--backend");
  }

  @Override
  public String getExtendedVersion() {
    return run("--extended");
  }

  @Override
  public String getSopSpecVersion() {
    return run("--sop-spec");
  }

  /** The revision number the first line of {@code --sop-spec} ends in, or -1. */
  @Override
  public int getSopSpecRevisionNumber() {
    String first = getSopSpecVersion().lines().findFirst().orElse("");
    int dash = first.lastIndexOf('-');
    try {
      return dash < 0 ? -1 : Integer.parseInt(first.substring(dash + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public boolean isSopSpecImplementationIncomplete() {
    return getSopSpecVersion().startsWith("~");
  }

  @Override
  public String getSopSpecImplementationRemarks() {
    String spec = getSopSpecVersion();
    int newline = spec.indexOf('\n');
    String remarks = newline < 0 ? "" : spec.substring(newline + 1).strip();
    return remarks.isEmpty() ? null : remarks;
  }

  @Override
  public String getSopVVersion() {
    return run("--sopv");
  }
}
