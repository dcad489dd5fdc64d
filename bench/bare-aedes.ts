/**
 * The ceiling to compare ingest with: a bare embedded aedes, no auth, and an
 * in-process subscriber that acknowledges at once. Prints its port and waits.
 */
import { createServer, AddressInfo } from 'node:net';

async function main(): Promise<void> {
  const { Aedes } = await import('aedes');
  const aedes = await Aedes.createBroker();
  await new Promise<void>((resolve) =>
    aedes.subscribe('sanitation/v1/#', (_packet, cb) => cb(), resolve),
  );
  const server = createServer(aedes.handle);
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`mqtt listening on port ${(server.address() as AddressInfo).port}\n`);
  });
}

void main();
