import { randomBytes } from 'node:crypto';
import { DEAD_LETTER_PAYLOAD_BYTES, DeadLetter, Rejection } from '@sanitation/contracts';

export interface DeadLetterSource {
  topic: string;
  deviceId: string | null;
  receivedAt: number;
}

/** A rejected element, kept with its own JSON text (contract §2 "Bad input"). */
export function elementDeadLetter(
  source: DeadLetterSource,
  index: number | null,
  rejection: Rejection,
  element: unknown,
): DeadLetter {
  return { ...base(source, index, rejection), payload: JSON.stringify(element) ?? 'null' };
}

/**
 * A whole message that could not be read element by element: its first 64 KiB as text,
 * or as base64 where the bytes are not UTF-8.
 */
export function messageDeadLetter(
  source: DeadLetterSource,
  rejection: Rejection,
  payload: Buffer,
): DeadLetter {
  const head = payload.subarray(0, DEAD_LETTER_PAYLOAD_BYTES);
  const letter = base(source, null, rejection);
  if (isUtf8(head)) return { ...letter, payload: head.toString('utf8') };
  return { ...letter, payloadBase64: head.toString('base64') };
}

function base(source: DeadLetterSource, index: number | null, rejection: Rejection): DeadLetter {
  return {
    id: `d-${randomBytes(8).toString('hex')}`,
    receivedAt: source.receivedAt,
    topic: source.topic,
    deviceId: source.deviceId,
    index,
    reason: rejection.reason,
    message: rejection.message,
  };
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export function isUtf8(bytes: Buffer): boolean {
  try {
    decoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}
