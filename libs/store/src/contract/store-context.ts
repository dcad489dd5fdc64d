import type { TelemetryStore } from '../telemetry-store';

export interface StoreUnderTest {
  store: TelemetryStore;
  /** Closes the store and removes whatever it kept (files, database). */
  cleanup: () => Promise<void>;
}

export type MakeStore = () => Promise<StoreUnderTest>;

/** The store of the running test; each test gets a new, empty one. */
export interface StoreContext {
  readonly store: TelemetryStore;
}
