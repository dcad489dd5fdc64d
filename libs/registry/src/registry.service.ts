/**
 * Holds the city the platform serves and swaps it on reload (SIGHUP or the API),
 * keeping the old one when the new file is invalid (contract §1).
 */
import { Subject } from 'rxjs';
import { loadRegistry, RegistryError } from './load-registry';
import { Registry } from './registry';

export type ReloadResult = { ok: true; registry: Registry } | { ok: false; error: string };

export class RegistryService {
  private registry: Registry;
  private readonly reloaded = new Subject<Registry>();

  /** Emits each newly loaded registry. */
  readonly reloaded$ = this.reloaded.asObservable();

  constructor(
    readonly path: string,
    initial?: Registry,
  ) {
    this.registry = initial ?? loadRegistry(path);
  }

  get current(): Registry {
    return this.registry;
  }

  reload(): ReloadResult {
    let next: Registry;
    try {
      next = loadRegistry(this.path);
    } catch (error) {
      const message = error instanceof RegistryError ? error.message : String(error);
      return { ok: false, error: message };
    }

    this.registry = next;
    this.reloaded.next(next);
    return { ok: true, registry: next };
  }
}
