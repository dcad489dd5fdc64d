/**
 * The API tokens of contract §5: API_TOKENS when set, otherwise one admin token made at
 * first start and kept in `<dataDir>/admin-token` so that later starts reuse it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '@sanitation/contracts';

export const ADMIN_TOKEN_FILE = 'admin-token';
const MIN_TOKEN_CHARS = 8;

/** Who is calling: a role and a label safe to log and record (never the whole token). */
export interface Identity {
  role: Role;
  label: string;
}

export class ApiTokens {
  private readonly byDigest = new Map<string, Identity>();

  /**
   * @param createdAdminToken the admin token made at this start, for the caller to print
   * once; null when the tokens came from API_TOKENS or an earlier start.
   */
  constructor(tokens: Map<string, Role>, readonly createdAdminToken: string | null = null) {
    for (const [token, role] of tokens) {
      this.byDigest.set(digest(token), { role, label: `${role}:${token.slice(0, 4)}` });
    }
  }

  static fromConfig(config: { apiTokens: Map<string, Role> | null; dataDir: string }): ApiTokens {
    if (config.apiTokens) return new ApiTokens(config.apiTokens);

    const { token, created } = adminTokenIn(config.dataDir);
    return new ApiTokens(new Map([[token, 'admin']]), created ? token : null);
  }

  /** Looks a token up by its SHA-256, so the comparison leaks nothing of its characters. */
  identify(token: string | undefined): Identity | null {
    if (!token) return null;
    return this.byDigest.get(digest(token)) ?? null;
  }
}

function digest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function adminTokenIn(dataDir: string): { token: string; created: boolean } {
  const path = join(dataDir, ADMIN_TOKEN_FILE);
  if (existsSync(path)) {
    const kept = readFileSync(path, 'utf8').trim();
    if (kept.length >= MIN_TOKEN_CHARS) return { token: kept, created: false };
  }

  const token = randomBytes(24).toString('base64url');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path, `${token}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return { token, created: true };
}
