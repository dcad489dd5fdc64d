import { DeadlineQueue } from './deadline-queue';

describe('DeadlineQueue', () => {
  it('pops deadlines in time order whatever order they were pushed in', () => {
    const queue = new DeadlineQueue();
    const dues = [50, 10, 40, 30, 20, 60, 5];
    for (const dueMs of dues) queue.push({ dueMs, entity: 'truck:T1', name: `d${dueMs}` });

    const popped: number[] = [];
    while (queue.size > 0) popped.push(queue.pop()?.dueMs ?? -1);

    expect(popped).toEqual([5, 10, 20, 30, 40, 50, 60]);
  });

  it('breaks ties by entity then name so restarts fire in the same order', () => {
    const queue = new DeadlineQueue();
    queue.push({ dueMs: 1, entity: 'truck:T2', name: 'a' });
    queue.push({ dueMs: 1, entity: 'route:R1', name: 'start' });
    queue.push({ dueMs: 1, entity: 'truck:T1', name: 'silence' });
    queue.push({ dueMs: 1, entity: 'truck:T1', name: 'offline' });

    const order = [queue.pop(), queue.pop(), queue.pop(), queue.pop()].map(
      (e) => `${e?.entity}/${e?.name}`,
    );

    expect(order).toEqual(['route:R1/start', 'truck:T1/offline', 'truck:T1/silence', 'truck:T2/a']);
  });
});
