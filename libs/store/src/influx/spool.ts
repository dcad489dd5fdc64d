import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

interface Segment {
  file: string;
  bytes: number;
  lines: number;
}

export interface SpoolChunk {
  lines: string[];
  /** Call once the lines are in InfluxDB (or refused by it for good). */
  done(): void;
}

const SEGMENT_PREFIX = 'seg-';
const SEGMENT_SUFFIX = '.lp';

/**
 * Line protocol kept on disk while InfluxDB is unreachable: append-only segment files,
 * each append fsync'd before the caller's write resolves. Drained oldest segment first.
 * Past `maxBytes` whole segments are dropped, oldest first, and reported to `onDrop`.
 */
export class DiskSpool {
  private readonly segments: Segment[] = [];
  private readonly segmentBytes: number;
  private current: { fd: number; segment: Segment } | null = null;
  private nextSeq = 1;
  private linesTotal = 0;
  private bytesTotal = 0;

  constructor(
    private readonly dir: string,
    private readonly maxBytes: number,
    private readonly onDrop: (lines: number, bytes: number) => void,
  ) {
    // Small enough that dropping one segment loses little, large enough to drain in bulk.
    this.segmentBytes = Math.max(64 * 1024, Math.min(8 * 1024 * 1024, Math.floor(maxBytes / 8)));
    mkdirSync(dir, { recursive: true });
    this.load();
  }

  get points(): number {
    return this.linesTotal - (this.progress?.line ?? 0);
  }

  get bytes(): number {
    return this.bytesTotal;
  }

  append(lines: string[]): void {
    if (lines.length === 0) return;

    const data = Buffer.from(`${lines.join('\n')}\n`);
    const current = this.currentSegment();
    writeSync(current.fd, data);
    fsyncSync(current.fd);

    current.segment.bytes += data.length;
    current.segment.lines += lines.length;
    this.bytesTotal += data.length;
    this.linesTotal += lines.length;

    if (current.segment.bytes >= this.segmentBytes) this.seal();
    this.enforceBound();
  }

  /**
   * The oldest spooled lines, up to `maxLines`, or null when the spool is empty. The chunk
   * stays in the spool until `done` is called, so a crash or failure resends it.
   */
  peek(maxLines: number): SpoolChunk | null {
    if (this.segments.length === 0) return null;
    if (this.current?.segment === this.segments[0]) this.seal();

    const segment = this.segments[0];
    const all = this.linesOf(segment.file);
    const start = this.progress?.segment === segment.file ? this.progress.line : 0;
    const lines = all.slice(start, start + maxLines);
    const last = start + lines.length >= all.length;

    return {
      lines,
      done: () => {
        if (last) this.remove(segment);
        else this.progress = { segment: segment.file, line: start + lines.length };
      },
    };
  }

  /** Where draining of the oldest segment stands (lines already sent). */
  private progress: { segment: string; line: number } | null = null;
  private cache: { file: string; lines: string[] } | null = null;

  close(): void {
    if (this.current) closeSync(this.current.fd);
    this.current = null;
  }

  private linesOf(file: string): string[] {
    if (this.cache?.file === file) return this.cache.lines;

    const lines = readFileSync(join(this.dir, file), 'utf8').split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    this.cache = { file, lines };
    return lines;
  }

  private load(): void {
    const files = readdirSync(this.dir)
      .filter((f) => f.startsWith(SEGMENT_PREFIX) && f.endsWith(SEGMENT_SUFFIX))
      .sort();

    for (const file of files) {
      const path = join(this.dir, file);
      const bytes = statSync(path).size;
      if (bytes === 0) {
        unlinkSync(path);
        continue;
      }

      const text = readFileSync(path, 'utf8');
      const lines = text.split('\n').filter((line) => line !== '').length;
      this.segments.push({ file, bytes, lines });
      this.bytesTotal += bytes;
      this.linesTotal += lines;
      this.nextSeq = Math.max(this.nextSeq, seqOf(file) + 1);
    }
  }

  private currentSegment(): { fd: number; segment: Segment } {
    if (this.current) return this.current;

    const file = `${SEGMENT_PREFIX}${String(this.nextSeq).padStart(12, '0')}${SEGMENT_SUFFIX}`;
    this.nextSeq += 1;
    const segment: Segment = { file, bytes: 0, lines: 0 };
    this.segments.push(segment);
    this.current = { fd: openSync(join(this.dir, file), 'a'), segment };
    return this.current;
  }

  private seal(): void {
    if (!this.current) return;
    closeSync(this.current.fd);
    this.current = null;
  }

  private enforceBound(): void {
    while (this.bytesTotal > this.maxBytes && this.segments.length > 0) {
      const oldest = this.segments[0];
      const undrained =
        oldest.lines - (this.progress?.segment === oldest.file ? this.progress.line : 0);
      if (this.current?.segment === oldest) this.seal();
      this.remove(oldest);
      this.onDrop(undrained, oldest.bytes);
    }
  }

  private remove(segment: Segment): void {
    const index = this.segments.indexOf(segment);
    if (index < 0) return;

    this.segments.splice(index, 1);
    this.bytesTotal -= segment.bytes;
    this.linesTotal -= segment.lines;
    if (this.progress?.segment === segment.file) this.progress = null;
    if (this.cache?.file === segment.file) this.cache = null;
    unlinkSync(join(this.dir, segment.file));
  }
}

function seqOf(file: string): number {
  return Number(file.slice(SEGMENT_PREFIX.length, -SEGMENT_SUFFIX.length)) || 0;
}
