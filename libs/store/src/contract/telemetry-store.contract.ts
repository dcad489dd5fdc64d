/**
 * One behaviour suite for every TelemetryStore engine, so that the API answers the same
 * whichever store is configured (contract §5 and §7, issue 3). An engine's spec calls
 * `describeTelemetryStoreContract` with a factory that opens a fresh, empty store.
 */
import { describeDeadLetterAndHealthContract } from './dead-letters.contract';
import { describeFixAndReadContract } from './fixes-reads.contract';
import type { MakeStore, StoreContext } from './store-context';
import { describeTonnageContract } from './tonnage.contract';
import { describeWeighingContract } from './weighings.contract';
import { describeWriteContract } from './write.contract';

export type { MakeStore, StoreUnderTest } from './store-context';

export function describeTelemetryStoreContract(name: string, makeStore: MakeStore): void {
  describe(`TelemetryStore contract: ${name}`, () => {
    const context = useFreshStore(makeStore);

    describeWriteContract(context);
    describeFixAndReadContract(context);
    describeWeighingContract(context);
    describeTonnageContract(context);
    describeDeadLetterAndHealthContract(context);
  });
}

/** A new empty store before each test, cleaned up after it. */
function useFreshStore(makeStore: MakeStore): StoreContext {
  let current: Awaited<ReturnType<MakeStore>> | null = null;

  beforeEach(async () => {
    current = await makeStore();
  });

  afterEach(async () => {
    const done = current;
    current = null;
    await done?.cleanup();
  });

  return {
    get store() {
      if (!current) throw new Error('the store is only open inside a test');
      return current.store;
    },
  };
}
