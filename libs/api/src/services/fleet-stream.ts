/**
 * `GET /api/fleet/stream` as server-sent events: every truck's state first, then each
 * change, with a comment line as heartbeat so that proxies keep the connection open.
 * Open streams end when the app shuts down, or closing the HTTP server would wait on them.
 */
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Response } from 'express';
import type { TruckState } from '@sanitation/contracts';
import { FLEET_PORT, FleetPort } from '../ports';

export const HEARTBEAT_MS = 15_000;
/** A client this far behind is dropped; EventSource reconnects and gets a fresh snapshot. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
const RECONNECT_MS = 3000;

@Injectable()
export class FleetStreams implements OnModuleDestroy {
  private readonly open = new Set<Response>();

  constructor(@Inject(FLEET_PORT) private readonly fleet: FleetPort) {}

  serve(response: Response, heartbeatMs = HEARTBEAT_MS): void {
    startEventStream(response);

    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), heartbeatMs);
    const send = (state: TruckState) => {
      if (response.writableLength > MAX_BUFFERED_BYTES) response.end();
      else response.write(`data: ${JSON.stringify(state)}\n\n`);
    };

    // Snapshot and subscription happen in one tick, so no change falls between them.
    for (const state of this.fleet.fleet()) send(state);
    const subscription = this.fleet.changes$.subscribe({ next: send });
    this.open.add(response);

    response.on('close', () => {
      clearInterval(heartbeat);
      subscription.unsubscribe();
      this.open.delete(response);
    });
  }

  onModuleDestroy(): void {
    for (const response of this.open) response.end();
  }
}

function startEventStream(response: Response): void {
  response.status(200);
  response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  response.setHeader('Cache-Control', 'no-cache, no-transform');
  response.setHeader('Connection', 'keep-alive');
  response.setHeader('X-Accel-Buffering', 'no');
  response.flushHeaders();
  response.write(`retry: ${RECONNECT_MS}\n\n`);
}
