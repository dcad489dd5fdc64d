/**
 * Shift windows of routes (contract §1): "HH:MM" local times in the registry's timezone, every
 * day, a shift whose end is not after its start runs past midnight. Uses Intl only.
 */
export interface ShiftWindow {
  startMs: number;
  endMs: number;
}

const DAY_MS = 86_400_000;
/** Zone offsets change only at quarter-hour instants, in every zone there is. */
const OFFSET_BUCKET_MS = 15 * 60_000;
/** Past this many cached entries a cache starts again (bounded memory). */
const CACHE_LIMIT = 10_000;

export class ShiftCalendar {
  private readonly format: Intl.DateTimeFormat;
  /**
   * Intl formatting costs microseconds a call and a city of 10,000 routes asks for shift
   * windows of each at once; offsets and windows repeat, so they are cached.
   */
  private readonly offsets = new Map<number, number>();
  private readonly windows = new Map<string, ShiftWindow[]>();

  constructor(readonly timezone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  }

  /** The shift that contains `atMs`, or else the next one to start. */
  windowAt(shiftStart: string, shiftEnd: string, atMs: number): ShiftWindow {
    const windows = this.windowsAround(shiftStart, shiftEnd, atMs);
    return { ...(windows.find((w) => w.endMs > atMs) as ShiftWindow) };
  }

  /** The first shift starting strictly after `afterMs`. */
  nextAfter(shiftStart: string, shiftEnd: string, afterMs: number): ShiftWindow {
    const windows = this.windowsAround(shiftStart, shiftEnd, afterMs);
    return { ...(windows.find((w) => w.startMs > afterMs) as ShiftWindow) };
  }

  /** Local calendar date of an instant, "YYYY-MM-DD". */
  localDate(atMs: number): string {
    const p = this.parts(atMs);
    return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
  }

  /** Epoch ms of a local wall time; in a DST gap or overlap, the earlier reading wins. */
  localToUtc(year: number, month: number, day: number, hour: number, minute: number): number {
    const asUtc = Date.UTC(year, month - 1, day, hour, minute);
    const first = asUtc - this.offsetMs(asUtc);
    const second = asUtc - this.offsetMs(first);
    return Math.min(first, second);
  }

  offsetMs(atMs: number): number {
    const bucket = Math.floor(atMs / OFFSET_BUCKET_MS);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      const p = this.parts(atMs);
      const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
      offset = wall - (atMs - (((atMs % 1000) + 1000) % 1000));
      if (this.offsets.size >= CACHE_LIMIT) this.offsets.clear();
      this.offsets.set(bucket, offset);
    }
    return offset;
  }

  /** Windows for the local days from two before to two after `atMs`, in start order. */
  private windowsAround(shiftStart: string, shiftEnd: string, atMs: number): ShiftWindow[] {
    const local = new Date(atMs + this.offsetMs(atMs));
    const todayUtc = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
    const key = `${shiftStart}|${shiftEnd}|${todayUtc}`;
    let windows = this.windows.get(key);
    if (!windows) {
      windows = this.computeWindows(shiftStart, shiftEnd, todayUtc);
      if (this.windows.size >= CACHE_LIMIT) this.windows.clear();
      this.windows.set(key, windows);
    }
    return windows;
  }

  private computeWindows(shiftStart: string, shiftEnd: string, todayUtc: number): ShiftWindow[] {
    const [startH, startM] = parseHhMm(shiftStart);
    const [endH, endM] = parseHhMm(shiftEnd);
    const crossesMidnight = endH * 60 + endM <= startH * 60 + startM;

    const windows: ShiftWindow[] = [];
    for (let offset = -2; offset <= 2; offset++) {
      const day = new Date(todayUtc + offset * DAY_MS);
      const endDay = new Date(day.getTime() + (crossesMidnight ? DAY_MS : 0));
      windows.push({
        startMs: this.localToUtc(
          day.getUTCFullYear(),
          day.getUTCMonth() + 1,
          day.getUTCDate(),
          startH,
          startM,
        ),
        endMs: this.localToUtc(
          endDay.getUTCFullYear(),
          endDay.getUTCMonth() + 1,
          endDay.getUTCDate(),
          endH,
          endM,
        ),
      });
    }
    return windows;
  }

  private parts(
    atMs: number,
  ): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
    const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
    for (const part of this.format.formatToParts(atMs)) {
      if (part.type in out) out[part.type as keyof typeof out] = Number(part.value);
    }
    return out;
  }
}

function parseHhMm(value: string): [number, number] {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value);
  if (!match) throw new Error(`shift time ${JSON.stringify(value)} is not HH:MM`);
  return [Number(match[1]), Number(match[2])];
}

const pad = (n: number): string => String(n).padStart(2, '0');
