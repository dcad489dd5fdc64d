import Database from 'better-sqlite3';
import type { FixRecord, ReadRecord } from '@sanitation/contracts';

export interface Claimed {
  /** New within the window: their keys are now recorded. */
  fixes: FixRecord[];
  reads: ReadRecord[];
  /** Older than the window: the index cannot tell; ask InfluxDB. Deduplicated in-batch. */
  oldFixes: FixRecord[];
  oldReads: ReadRecord[];
}

/**
 * Keys of recently stored fixes (device, ts) and reads (device, tag, ts) in a small SQLite
 * file, so write() can tell new records from redeliveries without asking InfluxDB. Keys
 * are kept for `windowMs` of device time behind the newest record seen; keys sort by ts
 * first, so pruning is a range delete.
 */
export class SeenKeys {
  private readonly db: Database.Database;
  private readonly insertFix: Database.Statement;
  private readonly insertRead: Database.Statement;
  private readonly deleteFix: Database.Statement;
  private readonly deleteRead: Database.Statement;
  private readonly claimTx: (fixes: FixRecord[], reads: ReadRecord[]) => Claimed;
  private newestTs: number;

  constructor(
    path: string,
    private readonly windowMs: number,
  ) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS seen_fix (
        ts INTEGER NOT NULL, device TEXT NOT NULL, PRIMARY KEY (ts, device)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS seen_read (
        ts INTEGER NOT NULL, device TEXT NOT NULL, tag TEXT NOT NULL,
        PRIMARY KEY (ts, device, tag)
      ) WITHOUT ROWID;
    `);

    this.insertFix = this.db.prepare('INSERT OR IGNORE INTO seen_fix (ts, device) VALUES (?, ?)');
    this.insertRead = this.db.prepare(
      'INSERT OR IGNORE INTO seen_read (ts, device, tag) VALUES (?, ?, ?)',
    );
    this.deleteFix = this.db.prepare('DELETE FROM seen_fix WHERE ts = ? AND device = ?');
    this.deleteRead = this.db.prepare(
      'DELETE FROM seen_read WHERE ts = ? AND device = ? AND tag = ?',
    );
    this.claimTx = this.db.transaction((fixes, reads) => this.claimInTx(fixes, reads));

    const newest = this.db
      .prepare(
        'SELECT max(t) AS ts FROM (SELECT max(ts) AS t FROM seen_fix ' +
          'UNION ALL SELECT max(ts) FROM seen_read)',
      )
      .get() as { ts: number | null };
    this.newestTs = newest.ts ?? Number.NEGATIVE_INFINITY;
  }

  /** Device time below which keys are no longer kept. */
  get horizon(): number {
    return this.newestTs - this.windowMs;
  }

  claim(fixes: FixRecord[], reads: ReadRecord[]): Claimed {
    return this.claimTx(fixes, reads);
  }

  /** Undoes a claim whose records could not be stored, so a resend counts as new. */
  forget(fixes: FixRecord[], reads: ReadRecord[]): void {
    const tx = this.db.transaction(() => {
      for (const f of fixes) this.deleteFix.run(f.ts, f.deviceId);
      for (const r of reads) this.deleteRead.run(r.ts, r.deviceId, r.tag);
    });
    tx();
  }

  prune(): number {
    const horizon = this.horizon;
    if (!Number.isFinite(horizon)) return 0;

    const fixes = this.db.prepare('DELETE FROM seen_fix WHERE ts < ?').run(horizon).changes;
    const reads = this.db.prepare('DELETE FROM seen_read WHERE ts < ?').run(horizon).changes;
    return fixes + reads;
  }

  close(): void {
    this.db.close();
  }

  private claimInTx(fixes: FixRecord[], reads: ReadRecord[]): Claimed {
    const horizon = this.horizon;
    const claimed: Claimed = { fixes: [], reads: [], oldFixes: [], oldReads: [] };
    const oldKeys = new Set<string>();

    for (const fix of fixes) {
      if (fix.ts < horizon) {
        const key = `${fix.deviceId}\u0000${fix.ts}`;
        if (!oldKeys.has(key)) claimed.oldFixes.push(fix);
        oldKeys.add(key);
      } else if (this.insertFix.run(fix.ts, fix.deviceId).changes === 1) {
        claimed.fixes.push(fix);
      }
    }

    for (const read of reads) {
      if (read.ts < horizon) {
        const key = `${read.deviceId}\u0000${read.tag}\u0000${read.ts}`;
        if (!oldKeys.has(key)) claimed.oldReads.push(read);
        oldKeys.add(key);
      } else if (this.insertRead.run(read.ts, read.deviceId, read.tag).changes === 1) {
        claimed.reads.push(read);
      }
    }

    for (const record of [...fixes, ...reads]) {
      if (record.ts > this.newestTs) this.newestTs = record.ts;
    }
    return claimed;
  }
}
