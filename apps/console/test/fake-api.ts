/**
 * A small stand-in for the platform's HTTP API (contract §5), enough for the console:
 * it serves the static console, signs in with one token to a session cookie, answers
 * the console's routes with canned data, keeps a server-sent-events fleet stream that a
 * test can push truck states into, and records every API request it receives.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import {
  FakeAlert,
  FakeTruckState,
  FakeWeighing,
  fakeAlerts,
  fakeFleet,
  fakeTonnage,
  fakeTrack,
  fakeWeighings,
} from './fixtures/fake-data';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

export interface FakeApiOptions {
  /** The console's static files; defaults to apps/console/public. */
  publicDir?: string;
  /** The one API token the fake accepts. */
  token?: string;
  /** Served at /console/districts.geojson. */
  districtsPath?: string;
}

export interface FakeApi {
  url: string;
  token: string;
  requests: RecordedRequest[];
  fleet: FakeTruckState[];
  alerts: FakeAlert[];
  weighings: FakeWeighing[];
  /** Updates the truck and sends its state to every open fleet stream. */
  pushTruck(state: FakeTruckState): void;
  /** Forgets every session, as a platform restart or expiry would: next calls get 401. */
  endSessions(): void;
  /** Resolves once at least `count` fleet streams are open. */
  waitForStreamClients(count?: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const SESSION_COOKIE = 'console_session';

export async function startFakeApi(options: FakeApiOptions = {}): Promise<FakeApi> {
  const publicDir = resolve(options.publicDir ?? join(__dirname, '..', 'public'));
  const districtsPath =
    options.districtsPath ?? join(__dirname, 'fixtures', 'districts.wgs84.geojson');
  const token = options.token ?? 'console-test-token';
  const now = Date.now();
  const sessions = new Set<string>();
  const streams = new Set<ServerResponse>();
  const requests: RecordedRequest[] = [];
  const state = {
    fleet: fakeFleet(now),
    alerts: fakeAlerts(now),
    weighings: fakeWeighings(now),
  };

  const signedIn = (req: IncomingMessage): boolean => {
    const cookies = parseCookies(req.headers.cookie ?? '');
    return sessions.has(cookies[SESSION_COOKIE] ?? '');
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const body = await readJsonBody(req);
    requests.push({ method, path, query: Object.fromEntries(url.searchParams), body });

    if (path === '/api/session' && method === 'POST') {
      const given = (body as { token?: unknown } | null)?.token;
      if (given !== token) return sendJson(res, 401, { message: 'Invalid token' });
      const sid = randomUUID();
      sessions.add(sid);
      res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${sid}; HttpOnly; SameSite=Strict; Path=/`);
      return sendJson(res, 200, { role: 'admin' });
    }
    if (path === '/api/session' && method === 'GET') {
      return sendJson(
        res,
        200,
        signedIn(req) ? { signedIn: true, role: 'admin' } : { signedIn: false },
      );
    }
    if (path === '/api/session' && method === 'DELETE') {
      sessions.delete(parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE] ?? '');
      res.setHeader('Set-Cookie', `${SESSION_COOKIE}=; HttpOnly; Path=/; Max-Age=0`);
      res.writeHead(204).end();
      return;
    }
    if (!signedIn(req)) return sendJson(res, 401, { message: 'Unauthorized' });

    if (path === '/api/fleet' && method === 'GET') return sendJson(res, 200, state.fleet);
    if (path === '/api/fleet/stream' && method === 'GET') {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }

    const track = path.match(/^\/api\/trucks\/([^/]+)\/track$/);
    if (track && method === 'GET') {
      const from = Date.parse(url.searchParams.get('from') ?? '') || 0;
      const to = Date.parse(url.searchParams.get('to') ?? '') || Date.now();
      return sendJson(res, 200, fakeTrack(now, from, to));
    }

    if (path === '/api/alerts' && method === 'GET') {
      const filters = ['state', 'category', 'type', 'truckId'] as const;
      const list = state.alerts.filter((a) =>
        filters.every((f) => !url.searchParams.get(f) || a[f] === url.searchParams.get(f)),
      );
      return sendJson(res, 200, list);
    }
    const alertAction = path.match(/^\/api\/alerts\/([^/]+)\/(ack|clear)$/);
    if (alertAction && method === 'POST') {
      const alert = state.alerts.find((a) => a.id === decodeURIComponent(alertAction[1]));
      if (!alert) return sendJson(res, 404, { message: 'No such alert' });
      if (alertAction[2] === 'ack' && alert.state === 'open') {
        alert.state = 'acknowledged';
        alert.acknowledgedAt = new Date().toISOString();
      }
      if (alertAction[2] === 'clear') {
        alert.state = 'cleared';
        alert.clearedAt = new Date().toISOString();
      }
      return sendJson(res, 200, alert);
    }

    if (path === '/api/weighings' && method === 'GET') return sendJson(res, 200, state.weighings);
    if (path === '/api/weighings.csv' && method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8' });
      res.end(
        '\ufeffweighbridgeId,ticket,plate\n' +
          state.weighings.map((w) => `${w.weighbridgeId},${w.ticket},${w.plate}`).join('\n'),
      );
      return;
    }
    const match = path.match(/^\/api\/weighings\/([^/]+)\/(\d+)\/match$/);
    if (match && method === 'POST') {
      const weighing = state.weighings.find(
        (w) => w.weighbridgeId === decodeURIComponent(match[1]) && w.ticket === Number(match[2]),
      );
      const truckId = (body as { truckId?: unknown } | null)?.truckId;
      if (!weighing) return sendJson(res, 404, { message: 'No such ticket' });
      if (typeof truckId !== 'string' || !state.fleet.some((t) => t.truckId === truckId)) {
        return sendJson(res, 400, { message: 'truckId names no truck' });
      }
      weighing.truckId = truckId;
      weighing.flags = weighing.flags.filter((f) => f !== 'unmatched').concat('manual_match');
      return sendJson(res, 200, weighing);
    }

    if (path === '/api/tonnage' && method === 'GET') {
      const period = (url.searchParams.get('from') ?? '').slice(0, 10);
      return sendJson(res, 200, fakeTonnage(url.searchParams.get('groupBy') ?? '', period));
    }
    return sendJson(res, 404, { message: `No route ${method} ${path}` });
  };

  const handleStatic = async (res: ServerResponse, pathname: string) => {
    if (pathname === '/console/districts.geojson') {
      return sendFile(res, districtsPath, CONTENT_TYPES['.geojson']);
    }
    const relative = normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname));
    const file = join(publicDir, relative);
    if (!file.startsWith(publicDir + sep)) return sendJson(res, 403, { message: 'Forbidden' });
    return sendFile(res, file, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const handled = url.pathname.startsWith('/api/')
      ? handleApi(req, res, url)
      : handleStatic(res, url.pathname);
    handled.catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { message: String(err) });
      else res.end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    requests,
    get fleet() {
      return state.fleet;
    },
    get alerts() {
      return state.alerts;
    },
    get weighings() {
      return state.weighings;
    },
    pushTruck(truck) {
      state.fleet = state.fleet.map((t) => (t.truckId === truck.truckId ? truck : t));
      for (const stream of streams) stream.write(`data: ${JSON.stringify(truck)}\n\n`);
    },
    endSessions() {
      sessions.clear();
    },
    async waitForStreamClients(count = 1, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (streams.size < count) {
        if (Date.now() > deadline) throw new Error(`No fleet stream opened in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close() {
      for (const stream of streams) stream.end();
      return new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      });
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function sendFile(res: ServerResponse, file: string, type: string): Promise<void> {
  try {
    const content = await readFile(file);
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(content);
  } catch {
    sendJson(res, 404, { message: 'Not found' });
  }
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function parseCookies(header: string): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return cookies;
}
