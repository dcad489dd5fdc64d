import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskSpool } from './spool';

describe('DiskSpool', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'spool-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const lines = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => `fix,deviceId=d v=${from + i} ${from + i}`);

  it('hands back the oldest lines first and forgets them only when done', () => {
    const spool = new DiskSpool(dir, 1024 * 1024, () => undefined);
    spool.append(lines(0, 3));
    spool.append(lines(3, 2));

    const first = spool.peek(4);
    expect(first?.lines).toEqual(lines(0, 4));
    expect(spool.points).toBe(5);

    first?.done();
    expect(spool.points).toBe(1);
    const second = spool.peek(4);
    expect(second?.lines).toEqual(lines(4, 1));
    second?.done();
    expect(spool.peek(4)).toBeNull();
    expect(spool.bytes).toBe(0);
  });

  it('finds what an earlier process spooled', () => {
    const before = new DiskSpool(dir, 1024 * 1024, () => undefined);
    before.append(lines(0, 7));
    before.close();

    const after = new DiskSpool(dir, 1024 * 1024, () => undefined);
    expect(after.points).toBe(7);
    expect(after.peek(100)?.lines).toEqual(lines(0, 7));
  });

  it('drops the oldest segments past its byte bound and reports how many points', () => {
    const dropped: number[] = [];
    const spool = new DiskSpool(dir, 200 * 1024, (points) => dropped.push(points));

    for (let i = 0; i < 100; i += 1) spool.append(lines(i * 100, 100));

    const total = dropped.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(0);
    expect(spool.bytes).toBeLessThanOrEqual(200 * 1024);
    expect(spool.points + total).toBe(10_000);
    expect(spool.peek(1)?.lines[0]).toBe(lines(total, 1)[0]);
  });
});
