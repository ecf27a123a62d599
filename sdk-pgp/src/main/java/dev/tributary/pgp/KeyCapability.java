package dev.tributary.pgp;

/** What a (sub)key may be used for, from its key flags. */
public enum KeyCapability {
  CERTIFY,
  SIGN,
  ENCRYPT_COMMUNICATIONS,
  ENCRYPT_STORAGE,
  AUTHENTICATE
}
