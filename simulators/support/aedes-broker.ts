/** An in-process aedes broker without auth, for tests and the benchmark. */
import { createServer, Server } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TestBroker {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startAedes(): Promise<TestBroker> {
  // aedes 1.x is ESM-only; a dynamic import keeps this file CommonJS.
  const { Aedes } = await import('aedes');
  const broker = await Aedes.createBroker();
  const server: Server = createServer(broker.handle);

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `mqtt://127.0.0.1:${port}`,
    port,
    close: async () => {
      // The broker first: it drops its clients, which server.close waits for.
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
