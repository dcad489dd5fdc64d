/** A RulesRepository in memory, for tests; copies values so callers cannot alias them. */
import type { AlertRecord, RulesRepository, StateChange } from './rules-repository';

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export class MemoryRulesRepository implements RulesRepository {
  readonly alerts = new Map<string, AlertRecord>();
  readonly state = new Map<string, unknown>();
  saves = 0;

  loadAlerts(): AlertRecord[] {
    return [...this.alerts.values()].map(copy);
  }

  saveAlert(alert: AlertRecord): void {
    this.alerts.set(alert.id, copy(alert));
  }

  loadState(): StateChange[] {
    return [...this.state.entries()].map(([key, value]) => ({ key, value: copy(value) }));
  }

  saveState(changes: StateChange[]): void {
    this.saves++;
    for (const change of changes) {
      if (change.value === null) this.state.delete(change.key);
      else this.state.set(change.key, copy(change.value));
    }
  }

  close(): void {
    return;
  }
}
