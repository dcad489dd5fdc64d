/**
 * Browser sessions (contract §5): a random id in an HttpOnly cookie stands for the
 * identity of the token signed in with. Kept in memory, so a restart signs everyone out.
 */
import { randomBytes } from 'node:crypto';
import type { Identity } from './api-tokens';

export const SESSION_COOKIE = 'sanitation_session';
export const SESSION_TTL_MS = 12 * 60 * 60_000; // 12 h
const MAX_SESSIONS = 10_000;

interface Session {
  identity: Identity;
  expiresAt: number;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly now: () => number = Date.now) {}

  open(identity: Identity): { id: string; expiresAt: number } {
    this.sweep();
    if (this.sessions.size >= MAX_SESSIONS) {
      const oldest = this.sessions.keys().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }

    const id = randomBytes(32).toString('base64url');
    const expiresAt = this.now() + SESSION_TTL_MS;
    this.sessions.set(id, { identity, expiresAt });
    return { id, expiresAt };
  }

  identify(id: string | undefined): Identity | null {
    if (!id) return null;
    const session = this.sessions.get(id);
    if (!session) return null;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(id);
      return null;
    }
    return session.identity;
  }

  close(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, session] of this.sessions) {
      if (session.expiresAt <= now) this.sessions.delete(id);
    }
  }
}
