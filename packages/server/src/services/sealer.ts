import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** One data-encryption key: its id (stored with every ciphertext, so keys can rotate) and 32 key bytes. */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

/** Seals secrets (SSNs, payer-portal passwords) for storage at rest, and opens them again. */
export interface Sealer {
  /** Encrypts with the current key: `v1.<key id>.<iv>.<ciphertext>.<tag>`, base64url parts. */
  seal(plaintext: string): string;
  /** Decrypts with the key the value names; throws when the key is unknown or the value was altered. */
  open(sealed: string): string;
  /** True when the value was sealed with an older key and should be re-sealed. */
  needsRotation(sealed: string): boolean;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Parses `PORTICO_ENCRYPTION_KEYS`: comma-separated `id:base64key` pairs, the current key first, older keys
 * after it for reading values sealed before a rotation. Each key is 32 random bytes.
 */
export function parseEncryptionKeys(value: string): EncryptionKey[] {
  const keys = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const separator = entry.indexOf(':');
      const id = entry.slice(0, separator);
      const key = Buffer.from(entry.slice(separator + 1), 'base64');
      if (separator < 1 || !KEY_ID.test(id)) throw new Error('each encryption key is written id:base64key');
      if (key.length !== 32)
        throw new Error(`encryption key ${id} must be 32 bytes (base64 of 32 random bytes)`);
      return { id, key };
    });
  if (keys.length === 0) throw new Error('at least one encryption key is required');
  if (new Set(keys.map((k) => k.id)).size !== keys.length)
    throw new Error('encryption key ids must be unique');
  return keys;
}

/** A new random key, written as `id:base64key` for PORTICO_ENCRYPTION_KEYS. */
export function generateEncryptionKey(id: string): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

/** AES-256-GCM with a random 96-bit IV per value (node:crypto); the key id is authenticated as associated data. */
export function createSealer(keys: readonly EncryptionKey[]): Sealer {
  const [current] = keys;
  if (!current) throw new Error('at least one encryption key is required');
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  const parse = (sealed: string) => {
    const parts = sealed.split('.');
    if (parts.length !== 5 || parts[0] !== 'v1') throw new Error('not a sealed value');
    const [, id, iv, data, tag] = parts as [string, string, string, string, string];
    return {
      id,
      iv: Buffer.from(iv, 'base64url'),
      data: Buffer.from(data, 'base64url'),
      tag: Buffer.from(tag, 'base64url'),
    };
  };
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      cipher.setAAD(Buffer.from(current.id));
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [
        'v1',
        current.id,
        iv.toString('base64url'),
        data.toString('base64url'),
        tag.toString('base64url'),
      ].join('.');
    },
    open(sealed) {
      const { id, iv, data, tag } = parse(sealed);
      const key = byId.get(id);
      if (!key) throw new Error(`no encryption key with id ${id}`);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(Buffer.from(id));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
    },
    needsRotation(sealed) {
      return parse(sealed).id !== current.id;
    },
  };
}
