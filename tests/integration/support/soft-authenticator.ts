import { createHash, createSign, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import type { AuthenticationResponseJSON, PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers';

// A passkey authenticator in software (ES256, "none" attestation), doing what a phone or laptop does for the
// browser: so integration tests can register and sign in with real WebAuthn messages, and play an attacker
// who replays, clones (counter regression) or signs for the wrong site.

const sha256 = (data: Uint8Array) => new Uint8Array(createHash('sha256').update(Buffer.from(data)).digest());
type Cbor = Parameters<typeof isoCBOR.encode>[0];
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const b64 = (bytes: Uint8Array) => isoBase64URL.fromBuffer(new Uint8Array(bytes));

type Credential = { id: Uint8Array; privateKey: KeyObject; cose: Uint8Array; userHandle: string; rpId: string; counter: number };

export type SoftAuthenticator = {
  register(options: PublicKeyCredentialCreationOptionsJSON, overrides?: { origin?: string }): RegistrationResponseJSON;
  /** Signs the options' challenge with the first of its credentials (the one allowed, or any for a discoverable sign-in). */
  assert(options: PublicKeyCredentialRequestOptionsJSON, overrides?: { origin?: string; counter?: number; userVerified?: boolean }): AuthenticationResponseJSON;
  credentialId(): string;
};

export function createSoftAuthenticator({ origin }: { origin: string }): SoftAuthenticator {
  const credentials: Credential[] = [];

  function authData(rpId: string, flags: number, counter: number, attested?: Uint8Array): Uint8Array {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    return concat(sha256(new TextEncoder().encode(rpId)), Uint8Array.of(flags), count, attested ?? new Uint8Array());
  }

  return {
    register(options, overrides = {}) {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const jwk = publicKey.export({ format: 'jwk' });
      const cose = isoCBOR.encode(
        new Map<number, Cbor>([
          [1, 2],
          [3, -7],
          [-1, 1],
          [-2, isoBase64URL.toBuffer(jwk.x!)],
          [-3, isoBase64URL.toBuffer(jwk.y!)],
        ]),
      );
      const id = new Uint8Array(randomBytes(16));
      const rpId = options.rp.id ?? '';
      credentials.push({ id, privateKey, cose, userHandle: options.user.id, rpId, counter: 0 });
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(id.length);
      // UP | UV | AT (attested credential data follows), counter 0, an all-zero AAGUID as "none" attestation allows.
      const data = authData(rpId, 0x01 | 0x04 | 0x40, 0, concat(new Uint8Array(16), idLength, id, cose));
      const clientData = new TextEncoder().encode(JSON.stringify({ type: 'webauthn.create', challenge: options.challenge, origin: overrides.origin ?? origin, crossOrigin: false }));
      const attestationObject = isoCBOR.encode(new Map<string, Cbor>([['fmt', 'none'], ['attStmt', new Map<string, Cbor>()], ['authData', data]]));
      return {
        id: b64(id),
        rawId: b64(id),
        type: 'public-key',
        response: { clientDataJSON: b64(clientData), attestationObject: b64(attestationObject), transports: ['internal'] },
        clientExtensionResults: {},
      };
    },

    assert(options, overrides = {}) {
      const allowed = options.allowCredentials?.map((c) => c.id);
      const credential = credentials.find((c) => !allowed?.length || allowed.includes(b64(c.id)));
      if (!credential) throw new Error('the authenticator holds none of the allowed credentials');
      credential.counter = overrides.counter ?? credential.counter + 1;
      const flags = 0x01 | (overrides.userVerified === false ? 0 : 0x04);
      const data = authData(options.rpId ?? credential.rpId, flags, credential.counter);
      const clientData = new TextEncoder().encode(JSON.stringify({ type: 'webauthn.get', challenge: options.challenge, origin: overrides.origin ?? origin, crossOrigin: false }));
      const signature = createSign('sha256').update(concat(data, sha256(clientData))).sign(credential.privateKey);
      return {
        id: b64(credential.id),
        rawId: b64(credential.id),
        type: 'public-key',
        response: { clientDataJSON: b64(clientData), authenticatorData: b64(data), signature: b64(new Uint8Array(signature)), userHandle: credential.userHandle },
        clientExtensionResults: {},
      };
    },

    credentialId() {
      const [first] = credentials;
      if (!first) throw new Error('nothing registered yet');
      return b64(first.id);
    },
  };
}
