package dev.tributary.sftp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** Reproducible pseudo-random test content and checksums. */
final class TestData {
  private TestData() {}

  static byte[] bytes(int size, long seed) {
    byte[] data = new byte[size];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < size; i++) {
      data[i] = (byte) random.nextInt(256);
    }
    return data;
  }

  static String sha256(byte[] data) {
    return hex("SHA-256", data);
  }

  static String md5(byte[] data) {
    return hex("MD5", data);
  }

  private static String hex(String algorithm, byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
