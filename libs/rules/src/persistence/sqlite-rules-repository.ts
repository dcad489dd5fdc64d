/** RulesRepository on an embedded SQLite file under DATA_DIR (WAL, one writer: this process). */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AlertRecord, RulesRepository, StateChange } from './rules-repository';

export const RULES_DB_FILE = 'rules.sqlite';

export class SqliteRulesRepository implements RulesRepository {
  private readonly db: Database.Database;
  private readonly upsertAlert: Database.Statement;
  private readonly upsertState: Database.Statement;
  private readonly deleteState: Database.Statement;
  private readonly applyChanges: (changes: StateChange[]) => void;

  /** `dataDir` is created if missing; the database is `<dataDir>/rules.sqlite`. */
  constructor(dataDir: string, fileName = RULES_DB_FILE) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, fileName));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS rule_alerts (
        id TEXT PRIMARY KEY,
        condition_key TEXT NOT NULL UNIQUE,
        opened_at INTEGER NOT NULL,
        body TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS rule_state (
        key TEXT PRIMARY KEY,
        body TEXT NOT NULL
      );
    `);

    this.upsertAlert = this.db.prepare(
      `INSERT INTO rule_alerts (id, condition_key, opened_at, body) VALUES (?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET body = excluded.body`,
    );
    this.upsertState = this.db.prepare(
      `INSERT INTO rule_state (key, body) VALUES (?, ?)
       ON CONFLICT(key) DO UPDATE SET body = excluded.body`,
    );
    this.deleteState = this.db.prepare('DELETE FROM rule_state WHERE key = ?');
    this.applyChanges = this.db.transaction((changes: StateChange[]) => {
      for (const change of changes) {
        if (change.value === null) this.deleteState.run(change.key);
        else this.upsertState.run(change.key, JSON.stringify(change.value));
      }
    });
  }

  loadAlerts(): AlertRecord[] {
    const rows = this.db.prepare('SELECT body FROM rule_alerts ORDER BY opened_at').all() as {
      body: string;
    }[];
    return rows.map((row) => JSON.parse(row.body) as AlertRecord);
  }

  saveAlert(alert: AlertRecord): void {
    this.upsertAlert.run(alert.id, alert.key, alert.openedAtMs, JSON.stringify(alert));
  }

  loadState(): StateChange[] {
    const rows = this.db.prepare('SELECT key, body FROM rule_state').all() as {
      key: string;
      body: string;
    }[];
    return rows.map((row) => ({ key: row.key, value: JSON.parse(row.body) as unknown }));
  }

  saveState(changes: StateChange[]): void {
    if (changes.length > 0) this.applyChanges(changes);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
