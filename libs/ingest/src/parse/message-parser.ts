/**
 * One MQTT message to records and dead letters (contract §2). Every element is judged
 * alone; nothing is dropped without a dead letter saying why.
 */
import {
  DeviceChannel,
  emptyBatch,
  MAX_ARRAY_ELEMENTS,
  MAX_PAYLOAD_BYTES,
  parseDeviceTopic,
  Rejection,
  TelemetryBatch,
  validateElement,
} from '@sanitation/contracts';
import type { Registry } from '@sanitation/registry';
import { DeadLetterSource, elementDeadLetter, isUtf8, messageDeadLetter } from './dead-letter';
import { ElementContext, toFix, toRead, toStatus, toWeighing } from './element-records';

export interface ParsedMessage {
  channel: DeviceChannel | null;
  batch: TelemetryBatch;
  /** Tickets seen in rejected weighings: they arrived, for the sequence-gap rule. */
  rejectedTickets: { weighbridgeId: string; ticket: number }[];
}

export interface ParseOptions {
  registry: Registry;
  retentionDays: number;
}

const DAY_MS = 86_400_000;

export function parseMessage(
  topic: string,
  payload: Buffer,
  receivedAt: number,
  options: ParseOptions,
): ParsedMessage {
  const parsedTopic = parseDeviceTopic(topic);
  const source: DeadLetterSource = {
    topic,
    deviceId: parsedTopic?.deviceId ?? null,
    receivedAt,
  };
  const result: ParsedMessage = { channel: null, batch: emptyBatch(), rejectedTickets: [] };
  const rejectWhole = (rejection: Rejection) => {
    result.batch.deadLetters.push(messageDeadLetter(source, rejection, payload));
    return result;
  };

  if (!parsedTopic) {
    return rejectWhole({ reason: 'unknown_topic', message: `${topic} is not a device topic` });
  }
  result.channel = parsedTopic.channel;

  const device = options.registry.devices.get(parsedTopic.deviceId);
  if (!device || device.kind !== parsedTopic.kind) {
    const message = device
      ? `device ${device.id} is a ${device.kind} device, not ${parsedTopic.kind}`
      : `device ${parsedTopic.deviceId} is not in the registry`;
    return rejectWhole({ reason: 'unknown_device', message });
  }
  if (payload.length > MAX_PAYLOAD_BYTES) {
    const message = `payload of ${payload.length} bytes exceeds ${MAX_PAYLOAD_BYTES}`;
    return rejectWhole({ reason: 'payload_too_large', message });
  }

  const body = readJson(payload);
  if (!body.ok) return rejectWhole(body);
  if (Array.isArray(body.value) && body.value.length > MAX_ARRAY_ELEMENTS) {
    const message = `array of ${body.value.length} elements exceeds ${MAX_ARRAY_ELEMENTS}`;
    return rejectWhole({ reason: 'array_too_long', message });
  }
  if (typeof body.value !== 'object' || body.value === null) {
    const message = `payload is ${body.value === null ? 'null' : `a ${typeof body.value}`}`;
    return rejectWhole({ reason: 'not_object', message: `${message}, not an object or array` });
  }

  const ctx: ElementContext = {
    deviceId: device.id,
    deviceKind: device.kind,
    registry: options.registry,
    receivedAt,
    oldestMs: receivedAt - options.retentionDays * DAY_MS,
  };
  const elements = Array.isArray(body.value) ? body.value : [body.value];
  const indexed = Array.isArray(body.value);
  elements.forEach((element, i) =>
    judgeElement(parsedTopic.channel, element, indexed ? i : null, ctx, source, result),
  );
  return result;
}

type Accepted =
  | { ok: true; key: 'fixes'; record: TelemetryBatch['fixes'][number] }
  | { ok: true; key: 'reads'; record: TelemetryBatch['reads'][number] }
  | { ok: true; key: 'weighings'; record: TelemetryBatch['weighings'][number] }
  | { ok: true; key: 'statuses'; record: TelemetryBatch['statuses'][number] };

function judgeElement(
  channel: DeviceChannel,
  element: unknown,
  index: number | null,
  ctx: ElementContext,
  source: DeadLetterSource,
  result: ParsedMessage,
): void {
  const verdict = toRecord(channel, element, ctx);
  if (verdict.ok) {
    (result.batch[verdict.key] as unknown[]).push(verdict.record);
    return;
  }

  result.batch.deadLetters.push(elementDeadLetter(source, index, verdict, element));
  if (channel === 'weighing') noteRejectedTicket(element, ctx, result);
}

function toRecord(
  channel: DeviceChannel,
  element: unknown,
  ctx: ElementContext,
): Accepted | ({ ok: false } & Rejection) {
  switch (channel) {
    case 'fix': {
      const dto = validateElement('fix', element);
      const verdict = dto.ok ? toFix(dto.dto, ctx) : dto;
      return verdict.ok ? { ok: true, key: 'fixes', record: verdict.record } : verdict;
    }
    case 'read': {
      const dto = validateElement('read', element);
      const verdict = dto.ok ? toRead(dto.dto, ctx) : dto;
      return verdict.ok ? { ok: true, key: 'reads', record: verdict.record } : verdict;
    }
    case 'weighing': {
      const dto = validateElement('weighing', element);
      const verdict = dto.ok ? toWeighing(dto.dto, ctx) : dto;
      return verdict.ok ? { ok: true, key: 'weighings', record: verdict.record } : verdict;
    }
    case 'status': {
      const dto = validateElement('status', element);
      const verdict = dto.ok ? toStatus(dto.dto, ctx) : dto;
      return verdict.ok ? { ok: true, key: 'statuses', record: verdict.record } : verdict;
    }
  }
}

function noteRejectedTicket(element: unknown, ctx: ElementContext, result: ParsedMessage): void {
  const ticket = (element as { ticket?: unknown } | null)?.ticket;
  const weighbridge = ctx.registry.weighbridgeByDevice.get(ctx.deviceId);
  if (weighbridge && Number.isSafeInteger(ticket) && (ticket as number) >= 1) {
    result.rejectedTickets.push({ weighbridgeId: weighbridge.id, ticket: ticket as number });
  }
}

function readJson(payload: Buffer): { ok: true; value: unknown } | ({ ok: false } & Rejection) {
  if (!isUtf8(payload)) {
    return { ok: false, reason: 'not_json', message: 'payload is not UTF-8 text' };
  }
  try {
    return { ok: true, value: JSON.parse(payload.toString('utf8')) };
  } catch (error) {
    return {
      ok: false,
      reason: 'not_json',
      message: `payload is not JSON: ${(error as Error).message}`,
    };
  }
}
