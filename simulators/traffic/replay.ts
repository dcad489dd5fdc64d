/**
 * Publishes traffic as its devices would: each device with its own credentials, at the
 * recorded pace divided by the speed factor, or as fast as the broker takes it.
 *
 * In recorded order (the default): a device's own messages may be in flight together, but
 * before another device's message goes out every earlier one is acknowledged. Devices use
 * separate connections, so without that barrier a later message could overtake an earlier
 * one at the broker, move the platform's event clock past a deadline the earlier message
 * would have met, and raise an alert the recorded day never raised (contract §4, §6).
 */
import mqtt, { MqttClient } from 'mqtt';
import { parseDeviceTopic } from '@sanitation/contracts';
import { ProgressBar } from '../support/progress';
import { shiftPayloadTimes } from './shift-times';

export interface ReplayMessage {
  t: number;
  topic: string;
  payload: Buffer | string;
  qos?: 0 | 1 | 2;
  retain?: boolean;
}

export interface ReplayOptions {
  url: string;
  /** `{deviceId: secret}`; without it devices connect with an empty password. */
  secrets?: Record<string, string>;
  /** 1 = real time; Infinity = as fast as possible. */
  speed: number;
  /** Added to every device time inside payloads (0 keeps payloads byte for byte). */
  shiftMs?: number;
  maxInFlight?: number;
  /** False lets different devices' messages overtake each other, for raw broker load. */
  ordered?: boolean;
  progress?: boolean;
  label?: string;
}

export interface ReplaySummary {
  messages: number;
  devices: number;
  wallMs: number;
  ratePerS: number;
  /** Simulated span covered, first to last `t`. */
  spanMs: number;
}

const DEFAULT_MAX_IN_FLIGHT = 2_000;
const CONNECT_BATCH = 50;

/** The device a message belongs to: the id level of a §2 topic. */
export function deviceOfTopic(topic: string): string {
  return parseDeviceTopic(topic)?.deviceId ?? topic.split('/')[3] ?? 'unknown';
}

export async function replayMessages(messages: ReplayMessage[], options: ReplayOptions):
  Promise<ReplaySummary> {
  const clients = await connectDevices(messages, options);
  const maxInFlight = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
  const bar = options.progress ? new ProgressBar(messages.length, options.label ?? 'replay')
    : null;
  const startedAt = Date.now();
  const firstT = messages[0]?.t ?? 0;
  const ordered = options.ordered ?? true;
  let inFlight = 0;
  let inFlightDevice: string | null = null;
  let failure: Error | null = null;
  let slotFreed: (() => void) | null = null;

  const settle = (error?: Error) => {
    inFlight -= 1;
    if (error && !failure) failure = error;
    slotFreed?.();
  };

  try {
    for (let index = 0; index < messages.length; index += 1) {
      const message = messages[index];
      if (Number.isFinite(options.speed)) {
        const dueAt = startedAt + (message.t - firstT) / options.speed;
        const waitMs = dueAt - Date.now();
        if (waitMs > 0) await sleep(waitMs);
      }
      const deviceId = deviceOfTopic(message.topic);
      const mustWait = () =>
        inFlight >= maxInFlight || (ordered && inFlight > 0 && deviceId !== inFlightDevice);
      while (mustWait() && !failure) {
        await new Promise<void>((resolve) => { slotFreed = resolve; });
      }
      if (failure) throw failure;
      inFlightDevice = deviceId;

      const payload = typeof message.payload === 'string' ? Buffer.from(message.payload, 'utf8')
        : message.payload;
      const client = clients.get(deviceId)!;
      inFlight += 1;
      client.publishAsync(message.topic, options.shiftMs ? shiftPayloadTimes(payload,
        options.shiftMs) : payload, { qos: message.qos ?? 1, retain: message.retain ?? false })
        .then(() => settle(), (error: Error) => settle(error));
      bar?.update(index + 1);
    }
    while (inFlight > 0) await new Promise<void>((resolve) => { slotFreed = resolve; });
    if (failure) throw failure;
  } finally {
    await Promise.all([...clients.values()].map((client) => client.endAsync()));
  }

  bar?.finish(messages.length);
  const wallMs = Date.now() - startedAt;
  return {
    messages: messages.length,
    devices: clients.size,
    wallMs,
    ratePerS: wallMs > 0 ? (messages.length * 1000) / wallMs : messages.length,
    spanMs: messages.length > 0 ? messages[messages.length - 1].t - firstT : 0,
  };
}

async function connectDevices(messages: ReplayMessage[], options: ReplayOptions):
  Promise<Map<string, MqttClient>> {
  const deviceIds = [...new Set(messages.map((message) => deviceOfTopic(message.topic)))];
  const missing = options.secrets ? deviceIds.filter((id) => !(id in options.secrets!)) : [];
  if (missing.length > 0) {
    throw new Error(`no secret for device(s) ${missing.slice(0, 10).join(', ')}`);
  }

  const clients = new Map<string, MqttClient>();
  try {
    for (let index = 0; index < deviceIds.length; index += CONNECT_BATCH) {
      await Promise.all(deviceIds.slice(index, index + CONNECT_BATCH).map(async (deviceId) => {
        clients.set(deviceId, await mqtt.connectAsync(options.url, {
          username: deviceId,
          password: options.secrets?.[deviceId] ?? '',
          clientId: `replay-${deviceId}`,
          clean: false,
          protocolVersion: 4,
          reconnectPeriod: 1_000,
          connectTimeout: 10_000,
        }));
      }));
    }
  } catch (error) {
    await Promise.all([...clients.values()].map((client) => client.endAsync()));
    throw error;
  }
  return clients;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
