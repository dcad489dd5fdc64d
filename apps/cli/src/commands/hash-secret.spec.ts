import { PassThrough, Readable } from 'node:stream';
import { isSecretHash, verifySecret } from '@sanitation/registry';
import { runHashSecret } from './hash-secret';

function io(stdinText = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  return {
    streams: { stdin: Readable.from([Buffer.from(stdinText, 'utf8')]), stdout, stderr },
    out: () => out,
    err: () => err,
  };
}

describe('hash-secret command', () => {
  it('prints a hash of the argument that verifies against it', async () => {
    const run = io();

    const code = await runHashSecret(['s3cret-gps'], run.streams);

    const hash = run.out().trim();
    expect(code).toBe(0);
    expect(isSecretHash(hash)).toBe(true);
    await expect(verifySecret('s3cret-gps', hash)).resolves.toBe(true);
  });

  it('reads the secret from stdin without its trailing newline', async () => {
    const run = io('pässwort 秘密\n');

    const code = await runHashSecret([], run.streams);

    expect(code).toBe(0);
    await expect(verifySecret('pässwort 秘密', run.out().trim())).resolves.toBe(true);
  });

  it('salts each hash afresh', async () => {
    const first = io();
    const second = io();

    await runHashSecret(['same'], first.streams);
    await runHashSecret(['same'], second.streams);

    expect(first.out()).not.toEqual(second.out());
  });

  it('refuses an empty secret and extra arguments with exit code 2', async () => {
    const empty = io('\n');
    const extra = io();

    await expect(runHashSecret([], empty.streams)).resolves.toBe(2);
    await expect(runHashSecret(['a', 'b'], extra.streams)).resolves.toBe(2);
    expect(empty.out()).toBe('');
    expect(empty.err()).toContain('empty');
  });
});
