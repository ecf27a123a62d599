// OpenPGP.js for sdk-pgp's OpenPgpJsInteropTest: a third OpenPGP implementation, besides GnuPG
// and Sequoia, and the one that writes RFC 9580 v6 keys, SEIPD v2 and Argon2 (openpgp@6), and
// the draft "AEAD Encrypted Data" packet (tag 20) that GnuPG 2.4 writes too (openpgp@5).
//
// Usage: node interop.mjs < requests > responses
// One JSON request a line on stdin, one JSON response a line on stdout, in order; a failed
// request gives {"ok":false,"error":"..."} and the next one still runs. Binary data (plaintext,
// messages, signatures) is base64; keys are armored text. Each request names a verb:
//
//   {"verb":"versions"} -> {"openpgp":"6.3.2","openpgp-v5":"5.11.3","node":"v20..."}
//   {"verb":"generate-key","type":"rsa"|"ecc"|"curve25519","rsaBits":3072,"userId":"A <a@x>",
//    "passphrase":"...","config":{...}} -> {"privateKey","publicKey","fingerprint"}
//   {"verb":"encrypt","certs":[...],"passwords":[...],"data":b64,"armor":false,
//    "signingKey":"...","passphrase":"...","compression":"zlib","paddingInside":16,
//    "paddingAfter":16,"config":{...}}
//     -> {"message":b64,"packets":[...],"cipher":"aes256","compression":"zlib"|null}
//    "paddingInside" puts a padding packet (tag 21, OpenPGP.js's PaddingPacket) of that many
//    octets after the literal data, inside the compression and encryption; "paddingAfter" one
//    after the encrypted data: OpenPGP.js's encrypt() writes neither.
//   {"verb":"decrypt","key":"...","passphrase":"...","message":b64,"verifyWith":[...],
//    "expectSigned":true,"config":{...}} -> {"data":b64,"packets":[...],"signatures":[...]}
//   {"verb":"sign","key":"...","passphrase":"...","data":b64} -> {"signature":armored}
//   {"verb":"verify","certs":[...],"data":b64,"signature":armored} -> {"signatures":[...]}
//   {"verb":"verify-inline","certs":[...],"message":b64} -> {"data":b64,"signatures":[...]}
//     an inline-signed message that is not encrypted (one-pass or old-style signatures)
//   {"verb":"verify-cleartext","certs":[...],"message":"-----BEGIN PGP SIGNED MESSAGE-----..."}
//     -> {"data":b64,"signatures":[...]}
//
// "packets" are the message's top-level packets as OpenPGP.js reads them, such as
// ["publicKeyEncryptedSessionKey v6", "symEncryptedIntegrityProtectedData v2 aes256 ocb"];
// "signatures" are [{"keyId":"...","valid":true}] (with "error" when not valid).
//
// Every request may say "library":"v5" to use openpgp@5 instead of openpgp@6. "config" is
// OpenPGP.js's own config object; enum settings may be given by name ("aeadProtect":true,
// "preferredAEADAlgorithm":"ocb", "s2kType":"argon2", "v6Keys":true). INTEROP_DEBUG=1 in the
// environment prints each failure's stack trace to stderr.
import { createInterface } from 'node:readline';

// Loaded when first asked for: each takes a tenth of a second or more.
const LIBRARIES = { v6: () => import('openpgp'), v5: () => import('openpgp-v5') };
const ENUM_SETTINGS = {
  preferredAEADAlgorithm: 'aead',
  preferredSymmetricAlgorithm: 'symmetric',
  preferredCompressionAlgorithm: 'compression',
  preferredHashAlgorithm: 'hash',
  s2kType: 's2k',
};

// The whole configuration (the low-level calls used here do not fill in the defaults).
function config(openpgp, given = {}) {
  const result = { ...openpgp.config };
  for (const [name, value] of Object.entries(given)) {
    const kind = ENUM_SETTINGS[name];
    const byName = kind && typeof value === 'string';
    result[name] = byName ? openpgp.enums.write(openpgp.enums[kind], value) : value;
  }
  return result;
}

function userIds(userId) {
  const m = /^(.*?)\s*<([^>]+)>$/.exec(userId);
  return [m ? { name: m[1], email: m[2] } : { name: userId }];
}

const bytes = (b64) => new Uint8Array(Buffer.from(b64, 'base64'));
const base64 = (data) => Buffer.from(data).toString('base64'); // a string as UTF-8

async function privateKey(openpgp, armoredKey, passphrase, cfg) {
  const key = await openpgp.readPrivateKey({ armoredKey, config: cfg });
  return key.isDecrypted() ? key : openpgp.decryptKey({ privateKey: key, passphrase, config: cfg });
}

const readCerts = (openpgp, armored = []) =>
  Promise.all(armored.map((armoredKey) => openpgp.readKey({ armoredKey })));

async function readMessage(openpgp, data) {
  const text = Buffer.from(data).toString('latin1');
  return text.startsWith('-----BEGIN PGP MESSAGE-----')
    ? openpgp.readMessage({ armoredMessage: text })
    : openpgp.readMessage({ binaryMessage: data });
}

// The packets of a message as "tag vN [cipher aead]", e.g. "publicKeyEncryptedSessionKey v6",
// "symEncryptedIntegrityProtectedData v2 aes256 ocb" or "aeadEncryptedData v1 aes256 ocb".
function describe(openpgp, packets) {
  const name = (kind, value) =>
    value == null ? null : openpgp.enums.read(openpgp.enums[kind], value);
  return Array.from(packets, (p) =>
    [
      openpgp.enums.read(openpgp.enums.packet, p.constructor.tag),
      p.version == null ? null : `v${p.version}`,
      name('symmetric', p.cipherAlgorithm),
      name('aead', p.aeadAlgorithm),
    ]
      .filter((part) => part != null)
      .join(' ')
  );
}

async function padding(openpgp, length) {
  const packet = new openpgp.PaddingPacket();
  await packet.createPadding(length);
  return packet;
}

async function signatures(list) {
  return Promise.all(
    list.map(async (s) => {
      try {
        await s.verified;
        return { keyId: s.keyID.toHex().toUpperCase(), valid: true };
      } catch (e) {
        return { keyId: s.keyID.toHex().toUpperCase(), valid: false, error: e.message };
      }
    })
  );
}

const verbs = {
  async versions() {
    const version = async (load) =>
      (await load()).config.versionString.replace('OpenPGP.js ', '');
    return {
      openpgp: await version(LIBRARIES.v6),
      'openpgp-v5': await version(LIBRARIES.v5),
      node: process.version,
    };
  },

  async 'generate-key'(openpgp, r) {
    const cfg = config(openpgp, r.config);
    const generated = await openpgp.generateKey({
      type: r.type,
      rsaBits: r.rsaBits,
      userIDs: userIds(r.userId),
      passphrase: r.passphrase,
      config: cfg,
    });
    const key = await openpgp.readKey({ armoredKey: generated.publicKey });
    return {
      privateKey: generated.privateKey,
      publicKey: generated.publicKey,
      fingerprint: key.getFingerprint().toUpperCase(),
    };
  },

  // The session key is made first, by the same choice of algorithms encrypt() makes, so that the
  // response can say what the message holds: its packets, its cipher and its compression.
  async encrypt(openpgp, r) {
    const cfg = config(openpgp, {
      ...r.config,
      ...(r.compression ? { preferredCompressionAlgorithm: r.compression } : {}),
    });
    const encryptionKeys = await readCerts(openpgp, r.certs);
    const signingKeys = r.signingKey
      ? [await privateKey(openpgp, r.signingKey, r.passphrase, cfg)]
      : undefined;
    const sessionKey = await openpgp.generateSessionKey({ encryptionKeys, config: cfg });
    const plaintext = await openpgp.createMessage({ binary: bytes(r.data) });
    if (r.paddingInside) {
      plaintext.packets.push(await padding(openpgp, r.paddingInside));
    }
    let message = await openpgp.encrypt({
      message: plaintext,
      encryptionKeys,
      passwords: r.passwords,
      signingKeys,
      sessionKey,
      format: r.armor && !r.paddingAfter ? 'armored' : 'binary',
      config: cfg,
    });
    if (r.paddingAfter) {
      const after = new openpgp.PacketList();
      after.push(await padding(openpgp, r.paddingAfter));
      message = Buffer.concat([message, after.write()]);
      message = r.armor ? openpgp.armor(openpgp.enums.armor.message, message) : message;
    }
    const written = await readMessage(openpgp, message);
    const packets = describe(openpgp, written.packets);
    const opened = await written.decrypt(null, null, [sessionKey], undefined, cfg);
    const compressed = opened.packets.findPacket(openpgp.enums.packet.compressedData);
    return {
      message: base64(message),
      packets,
      cipher: sessionKey.algorithm,
      compression: compressed
        ? openpgp.enums.read(openpgp.enums.compression, compressed.algorithm)
        : null,
    };
  },

  async decrypt(openpgp, r) {
    const cfg = config(openpgp, r.config);
    const message = await readMessage(openpgp, bytes(r.message));
    const result = await openpgp.decrypt({
      message,
      decryptionKeys: [await privateKey(openpgp, r.key, r.passphrase, cfg)],
      verificationKeys: await readCerts(openpgp, r.verifyWith),
      expectSigned: Boolean(r.expectSigned),
      format: 'binary',
      config: cfg,
    });
    return {
      data: base64(result.data),
      packets: describe(openpgp, message.packets),
      signatures: await signatures(result.signatures),
    };
  },

  async sign(openpgp, r) {
    const cfg = config(openpgp, r.config);
    const signature = await openpgp.sign({
      message: await openpgp.createMessage({ binary: bytes(r.data) }),
      signingKeys: [await privateKey(openpgp, r.key, r.passphrase, cfg)],
      detached: true,
      config: cfg,
    });
    return { signature };
  },

  async verify(openpgp, r) {
    const result = await openpgp.verify({
      message: await openpgp.createMessage({ binary: bytes(r.data) }),
      signature: await openpgp.readSignature({ armoredSignature: r.signature }),
      verificationKeys: await readCerts(openpgp, r.certs),
      format: 'binary',
    });
    return { signatures: await signatures(result.signatures) };
  },

  async 'verify-inline'(openpgp, r) {
    const result = await openpgp.verify({
      message: await readMessage(openpgp, bytes(r.message)),
      verificationKeys: await readCerts(openpgp, r.certs),
      format: 'binary',
    });
    return { data: base64(result.data), signatures: await signatures(result.signatures) };
  },

  async 'verify-cleartext'(openpgp, r) {
    const result = await openpgp.verify({
      message: await openpgp.readCleartextMessage({ cleartextMessage: r.message }),
      verificationKeys: await readCerts(openpgp, r.certs),
    });
    return { data: base64(result.data), signatures: await signatures(result.signatures) };
  },
};

async function answer(line) {
  let request;
  try {
    request = JSON.parse(line);
    const verb = verbs[request.verb];
    const load = LIBRARIES[request.library ?? 'v6'];
    if (!verb || !load) {
      throw new Error(`unknown verb or library: ${request.verb}, ${request.library}`);
    }
    return { ok: true, ...(await verb(await load(), request)) };
  } catch (e) {
    if (process.env.INTEROP_DEBUG) console.error(e);
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (line.trim()) {
    process.stdout.write(JSON.stringify(await answer(line)) + '\n');
  }
}
