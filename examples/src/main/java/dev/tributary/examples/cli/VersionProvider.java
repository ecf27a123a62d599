package dev.tributary.examples.cli;

import picocli.CommandLine.IVersionProvider;

/** The version line of {@code --version}, from the jar's manifest. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = TributaryCli.class.getPackage().getImplementationVersion();
    return new String[] {
      "Tributary examples " + (version == null ? "(development build)" : version)
    };
  }
}
