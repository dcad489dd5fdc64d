/**
 * A reference reading of contract §4 over a message stream: which alerts a platform must raise
 * for this traffic, with their event-time `openedAt`. Used to write a scenario's ground truth.
 */
import { parseDeviceTime, parseDeviceTopic, validateElement } from '@sanitation/contracts';
import type { Registry } from '@sanitation/registry';
import type { ExpectedAlert } from '../types';
import { TruthContext } from './context';
import { RouteRules } from './route-rules';
import { AcceptedWeighing, WeighingRules } from './weighing-rules';

export interface StreamMessage {
  t: number;
  topic: string;
  payload: string | Buffer;
}

export function evaluateTruth(registry: Registry, messages: StreamMessage[]): ExpectedAlert[] {
  const fromMs = messages[0]?.t ?? 0;
  const ctx = new TruthContext(registry, fromMs, messages[messages.length - 1]?.t ?? fromMs);
  const routes = new RouteRules(ctx);
  const weighings = new WeighingRules(ctx, (truckId) => routes.fixesOf(truckId));
  let tickedAt = -Infinity;

  for (const message of messages) {
    if (ctx.clockMs > tickedAt) {
      routes.tick();
      weighings.tick();
      tickedAt = ctx.clockMs;
    }

    const topic = parseDeviceTopic(message.topic);
    const elements = topic ? parseElements(message.payload) : null;
    if (!topic || !elements || !registry.devices.has(topic.deviceId)) continue;

    for (const element of elements) {
      const verdict = validateElement(topic.channel, element);
      if (!verdict.ok) continue;
      const time = parseDeviceTime((element as { ts: unknown }).ts);
      if (!time.ok) continue;
      ctx.advance(time.ms);

      const record: Record<string, unknown> = { ...(element as object), ts: time.ms };
      if (topic.channel === 'fix') {
        const truck = registry.truckByGpsDevice.get(topic.deviceId);
        const fix = record as unknown as { ts: number; lat: number; lon: number };
        if (truck) {
          routes.onFix(truck, fix);
          weighings.onFix(truck, fix);
        }
      } else if (topic.channel === 'read') {
        routes.onRead(topic.deviceId, time.ms, String(record.tag));
      } else if (topic.channel === 'weighing') {
        const bridge = registry.weighbridgeByDevice.get(topic.deviceId);
        if (bridge) weighings.onWeighing(bridge, record as unknown as AcceptedWeighing);
      }
    }
  }
  routes.tick();
  weighings.tick();

  return ctx.alerts.sort((a, b) => a.openedAt.localeCompare(b.openedAt) ||
    a.type.localeCompare(b.type) || String(a.truckId).localeCompare(String(b.truckId)));
}

/** Elements of a message, or null when it is not JSON (a dead letter, §2). */
function parseElements(payload: string | Buffer): unknown[] | null {
  const text = typeof payload === 'string' ? payload : payload.toString('utf8');
  if (typeof payload !== 'string' && !Buffer.from(text, 'utf8').equals(payload)) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value)) return value.length > 500 ? null : value;
    return [value];
  } catch {
    return null;
  }
}
