package dev.tributary.pgp;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child JVM of {@link FileNamesUnderLocaleTest}: reads file names, one a line, as UTF-8 from
 * stdin (an argument would reach it in the locale's encoding, damaged), and creates a file named
 * {@link PgpFileNames#safeName} of each in the folder {@code args[0]}. Prints, as UTF-8, this JVM's
 * {@code sun.jnu.encoding}, then for each name the safe name and "created" or the failure.
 */
public final class FileNameProbe {
  private FileNameProbe() {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.println("sun.jnu.encoding=" + System.getProperty("sun.jnu.encoding"));
    String[] names = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
    for (String name : names) {
      String safe = PgpFileNames.safeName(name).orElse("(none)");
      try {
        Files.writeString(folder.resolve(safe), name);
        out.println(safe + "\tcreated");
      } catch (RuntimeException e) {
        out.println(safe + "\t" + e);
      }
    }
  }
}
