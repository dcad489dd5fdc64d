/** Dead-letter reason codes of contract §2 ("Bad input"). */
export const REJECT_REASONS = [
  'not_json',
  'not_object',
  'missing_field',
  'wrong_type',
  'out_of_range',
  'net_negative',
  'time_in_future',
  'time_too_old',
  'unknown_device',
  'forbidden_topic',
  'array_too_long',
  'payload_too_large',
  'unknown_topic',
] as const;

export type RejectReason = (typeof REJECT_REASONS)[number];

/** A reason and a sentence a person can act on, e.g. "lat 91 is outside -90..90". */
export interface Rejection {
  reason: RejectReason;
  message: string;
}

export const MAX_ARRAY_ELEMENTS = 500;
export const MAX_PAYLOAD_BYTES = 256 * 1024;
/** How much of an unparseable payload a dead letter keeps. */
export const DEAD_LETTER_PAYLOAD_BYTES = 64 * 1024;
/** A device time more than this ahead of the wall clock is `time_in_future`. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;
