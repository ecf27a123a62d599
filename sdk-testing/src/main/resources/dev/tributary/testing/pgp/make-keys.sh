#!/usr/bin/env bash
# Regenerates the fixed test keys in this folder (documentation of where they came from; the
# committed keys are what tests use, so do not rerun this unless a key must change: every
# fingerprint in PgpTestKeys.java changes with it). Needs gpg 2.2+ and sqop.
set -euo pipefail
cd "$(dirname "$0")"
export GNUPGHOME="$(mktemp -d)"
trap 'gpgconf --kill all; rm -rf "$GNUPGHOME"' EXIT
g() { gpg --batch --pinentry-mode loopback --no-tty "$@"; }

gen() { # name uid algo usage expire passphrase [faked-time]
  local name=$1 uid=$2 algo=$3 usage=$4 expire=$5 pass=$6 faked=${7:-}
  local extra=()
  [ -n "$faked" ] && extra+=(--faked-system-time "$faked")
  g "${extra[@]}" --passphrase "$pass" --quick-gen-key "$uid" "$algo" "$usage" "$expire"
  local fpr
  fpr=$(g --with-colons --list-keys "$uid" | awk -F: '/^fpr/ {print $10; exit}')
  echo "$fpr" > /tmp/fpr-$name
}
addsub() { # uid algo usage expire pass [faked]
  local fpr; fpr=$(g --with-colons --list-keys "$1" | awk -F: '/^fpr/ {print $10; exit}')
  local extra=(); [ -n "${6:-}" ] && extra+=(--faked-system-time "$6")
  g "${extra[@]}" --passphrase "$5" --quick-add-key "$fpr" "$2" "$3" "$4"
}
export_pair() { # name uid pass
  g --armor --export "$2" > "$1.pub.asc"
  g --armor --passphrase "$3" --export-secret-keys "$2" > "$1.sec.asc"
}

# GnuPG 2.2, RSA 3072 primary + RSA 3072 encryption subkey, not protected.
gen alice "Alice RSA <alice@example.com>" rsa3072 cert,sign never ""
addsub "alice@example.com" rsa3072 encr never ""
export_pair alice-rsa3072 "alice@example.com" ""

# GnuPG 2.2, Ed25519 primary + Cv25519 subkey, protected with the passphrase "bob passphrase".
gen bob "Bob Curve25519 <bob@example.com>" ed25519 cert,sign never "bob passphrase"
addsub "bob@example.com" cv25519 encr never "bob passphrase"
export_pair bob-25519-protected "bob@example.com" "bob passphrase"

# GnuPG 2.2, a key whose only encryption subkey expired on 2021-01-01.
gen expired "Expired Subkey <expired@example.com>" ed25519 cert,sign never "" 20200101T000000
addsub "expired@example.com" cv25519 encr 1y "" 20200101T000000
export_pair expired-subkey "expired@example.com" ""

# GnuPG 2.2, a key whose only encryption subkey is revoked.
gen revoked "Revoked Subkey <revoked@example.com>" ed25519 cert,sign never ""
addsub "revoked@example.com" cv25519 encr never ""
printf 'key 1\nrevkey\ny\n2\nsuperseded\n\ny\nsave\n' |
  g --command-fd 0 --status-fd 2 --edit-key revoked@example.com 2>/dev/null
export_pair revoked-subkey "revoked@example.com" ""

# GnuPG 2.2, RSA 1024: too weak for the default policy.
gen weak "Weak RSA <weak@example.com>" rsa1024 cert,sign,encr never ""
export_pair weak-rsa1024 "weak@example.com" ""

# GnuPG 2.2, Ed25519 sign-only: no encryption subkey at all.
gen signonly "Sign Only <signonly@example.com>" ed25519 cert,sign never ""
export_pair sign-only "signonly@example.com" ""

# Sequoia (sqop), Curve25519, not protected / protected with "carol passphrase".
sqop generate-key "Carol Sequoia <carol@example.com>" > carol-sequoia.sec.asc
sqop extract-cert < carol-sequoia.sec.asc > carol-sequoia.pub.asc
printf 'carol passphrase' > "$GNUPGHOME/carol.pw"
sqop generate-key --with-key-password="$GNUPGHOME/carol.pw" "Dave Sequoia <dave@example.com>" \
  > dave-sequoia-protected.sec.asc
sqop extract-cert < dave-sequoia-protected.sec.asc > dave-sequoia-protected.pub.asc

# eve-v6.{pub,sec}.asc: an RFC 9580 v6 key (Ed25519 + X25519), which neither GnuPG 2.2 nor this
# Sequoia can make, was generated once by BouncyCastle 1.87 through sdk-pgp:
#   PgpKey.generate(KeyProfile.RFC9580, "Eve V6 <eve@example.com>", Secret.empty())
