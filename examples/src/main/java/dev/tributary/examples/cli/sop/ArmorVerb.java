package dev.tributary.examples.cli.sop;

import dev.tributary.pgp.PgpArmor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.BiConsumer;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code sop armor} and {@code sop dearmor}: the OpenPGP data on stdin, armored or binary, written
 * as armor labelled after its first packet ({@link PgpArmor#armor}: armor on stdin is checked and
 * written again in the same form) or as binary ({@link PgpArmor#dearmor}: binary passes unchanged).
 * Neither takes options. {@code armor --label} is not offered: the draft deprecated it and its
 * later implementations dropped it (sop-java), so it is refused with 37 like any unknown option.
 */
final class ArmorVerb implements Verb {
  private final String description;
  private final BiConsumer<InputStream, OutputStream> conversion;

  private ArmorVerb(String description, BiConsumer<InputStream, OutputStream> conversion) {
    this.description = description;
    this.conversion = conversion;
  }

  static ArmorVerb armor() {
    return new ArmorVerb(
        "Armors the OpenPGP data on stdin, labelled after its first packet.", PgpArmor::armor);
  }

  static ArmorVerb dearmor() {
    return new ArmorVerb("Writes the armored OpenPGP data on stdin as binary.", PgpArmor::dearmor);
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public Options options() {
    return new Options();
  }

  @Override
  public Arity arity() {
    return Arity.NONE;
  }

  /**
   * Holds back the end of the output until all of stdin was converted: {@code dearmor} passes the
   * packets on as they are decoded, so a failed read of stdin would leave whole packets that can
   * look like a whole, shorter certificate or message (and {@code armor} a block without its
   * footer). A failed run writes nothing of a small input, and stops well before the failure.
   */
  @Override
  public void run(CommandLine line, InputStream in, OutputStream out) throws IOException {
    UnfinishedOnFailure converted = new UnfinishedOnFailure(out);
    try {
      conversion.accept(converted.watch(in), converted);
    } catch (RuntimeException e) {
      converted.fail();
      throw e;
    }
    converted.finish();
  }
}
