import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_TOKEN_FILE, ApiTokens } from './api-tokens';

describe('ApiTokens', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'api-tokens-')), 'data');
  });

  afterEach(() => {
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('makes an admin token at first start, keeps it with mode 0600 and reuses it', () => {
    const first = ApiTokens.fromConfig({ apiTokens: null, dataDir });
    const second = ApiTokens.fromConfig({ apiTokens: null, dataDir });
    const path = join(dataDir, ADMIN_TOKEN_FILE);
    const token = first.createdAdminToken!;

    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path, 'utf8').trim()).toBe(token);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(second.createdAdminToken).toBeNull();
    expect(second.identify(token)).toEqual({ role: 'admin', label: `admin:${token.slice(0, 4)}` });
  });

  it('uses API_TOKENS when set and makes no file', () => {
    const tokens = ApiTokens.fromConfig({
      apiTokens: new Map([['abcd-secret-1', 'operator']]),
      dataDir,
    });

    expect(tokens.createdAdminToken).toBeNull();
    expect(tokens.identify('abcd-secret-1')).toEqual({ role: 'operator', label: 'operator:abcd' });
    expect(tokens.identify('abcd-secret-2')).toBeNull();
    expect(() => statSync(join(dataDir, ADMIN_TOKEN_FILE))).toThrow();
  });
});
