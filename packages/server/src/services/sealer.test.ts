import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSealer, generateEncryptionKey, parseEncryptionKeys } from './sealer.ts';

describe('sealing secrets at rest (AES-256-GCM, key id stored)', () => {
  const [k2, k1] = [generateEncryptionKey('k2'), generateEncryptionKey('k1')];

  it('round-trips and never stores the plaintext', () => {
    const sealer = createSealer(parseEncryptionKeys(k1));
    const sealed = sealer.seal('123-45-6789');
    assert.ok(!sealed.includes('6789'));
    assert.match(sealed, /^v1\.k1\./);
    assert.equal(sealer.open(sealed), '123-45-6789');
    assert.notEqual(sealer.seal('123-45-6789'), sealed, 'a fresh IV each time');
  });

  it('reads values sealed with an older key after rotation, and says they need re-sealing', () => {
    const old = createSealer(parseEncryptionKeys(k1)).seal('hunter2');
    const rotated = createSealer(parseEncryptionKeys(`${k2},${k1}`));
    assert.equal(rotated.open(old), 'hunter2');
    assert.equal(rotated.needsRotation(old), true);
    assert.equal(rotated.needsRotation(rotated.seal('x')), false);
  });

  it('refuses a value whose ciphertext, tag or key id was altered', () => {
    const sealer = createSealer(parseEncryptionKeys(`${k2},${k1}`));
    const sealed = sealer.seal('secret');
    const parts = sealed.split('.');
    const flip = (text: string) => (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
    assert.throws(() =>
      sealer.open([parts[0], parts[1], parts[2], flip(parts[3] ?? ''), parts[4]].join('.')),
    );
    assert.throws(() =>
      sealer.open([parts[0], parts[1], parts[2], parts[3], flip(parts[4] ?? '')].join('.')),
    );
    assert.throws(() => sealer.open([parts[0], 'k1', parts[2], parts[3], parts[4]].join('.')));
    assert.throws(() => createSealer(parseEncryptionKeys(k1)).open(sealed), /no encryption key/);
  });

  it('refuses malformed key configuration', () => {
    assert.throws(() => parseEncryptionKeys(''), /at least one/);
    assert.throws(() => parseEncryptionKeys('k1:c2hvcnQ='), /32 bytes/);
    assert.throws(() => parseEncryptionKeys('nokey'), /id:base64key/);
    assert.throws(() => parseEncryptionKeys(`${k1},${k1}`), /unique/);
  });
});
