import { readCookie } from './cookies';
import { SESSION_TTL_MS, SessionStore } from './sessions';

describe('SessionStore', () => {
  const identity = { role: 'dispatcher' as const, label: 'dispatcher:abcd' };

  it('identifies a session until it expires', () => {
    let now = 1_000;
    const sessions = new SessionStore(() => now);
    const { id } = sessions.open(identity);

    expect(sessions.identify(id)).toEqual(identity);
    now += SESSION_TTL_MS;
    expect(sessions.identify(id)).toBeNull();
  });

  it('forgets a closed session', () => {
    const sessions = new SessionStore();
    const { id } = sessions.open(identity);

    sessions.close(id);

    expect(sessions.identify(id)).toBeNull();
  });
});

describe('readCookie', () => {
  it('finds one cookie among several and ignores look-alike names', () => {
    const header = 'other_session=x; sanitation_session=abc%2Bd; theme=dark';

    expect(readCookie(header, 'sanitation_session')).toBe('abc+d');
    expect(readCookie(header, 'session')).toBeUndefined();
    expect(readCookie(undefined, 'sanitation_session')).toBeUndefined();
  });
});
