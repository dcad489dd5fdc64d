/** A dead letter as contract §2 shows it (times ISO UTC; payload or payloadBase64). */
import { DeadLetter, isoUtc, RejectReason } from '@sanitation/contracts';

export interface DeadLetterView {
  id: string;
  receivedAt: string;
  topic: string;
  deviceId: string | null;
  index: number | null;
  reason: RejectReason;
  message: string;
  payload?: string;
  payloadBase64?: string;
}

export function toDeadLetterView(letter: DeadLetter): DeadLetterView {
  const view: DeadLetterView = {
    id: letter.id,
    receivedAt: isoUtc(letter.receivedAt),
    topic: letter.topic,
    deviceId: letter.deviceId,
    index: letter.index,
    reason: letter.reason,
    message: letter.message,
  };
  if (letter.payload !== undefined) view.payload = letter.payload;
  if (letter.payloadBase64 !== undefined) view.payloadBase64 = letter.payloadBase64;
  return view;
}
