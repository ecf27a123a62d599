package dev.tributary.examples.cli.sop;

import dev.tributary.pgp.PgpArmor;
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

  @Override
  public void run(CommandLine line, InputStream in, OutputStream out) {
    conversion.accept(in, out);
  }
}
