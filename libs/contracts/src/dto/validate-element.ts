import { validateSync } from 'class-validator';
import type { Rejection, RejectReason } from '../reasons';
import type { DeviceChannel } from '../topics';
import { FixDto } from './fix.dto';
import { ReadDto } from './read.dto';
import { StatusDto } from './status.dto';
import { WeighingDto } from './weighing.dto';

const DTO_BY_CHANNEL = { fix: FixDto, read: ReadDto, weighing: WeighingDto, status: StatusDto };

export type DtoFor<C extends DeviceChannel> = InstanceType<(typeof DTO_BY_CHANNEL)[C]>;

/** When an element breaks several rules, the dead letter names the most basic one. */
const PRIORITY: RejectReason[] = ['missing_field', 'wrong_type', 'out_of_range'];

export type ElementVerdict<C extends DeviceChannel> =
  { ok: true; dto: DtoFor<C> } | ({ ok: false } & Rejection);

/**
 * Judges one parsed element against its channel's DTO. Unknown fields are ignored
 * (contract §1 "unknown fields are ignored" applies to payloads in the same spirit).
 */
export function validateElement<C extends DeviceChannel>(
  channel: C,
  element: unknown,
): ElementVerdict<C> {
  if (typeof element !== 'object' || element === null || Array.isArray(element)) {
    return {
      ok: false,
      reason: 'not_object',
      message: `element is ${describe(element)}, not an object`,
    };
  }

  const dto = Object.assign(new DTO_BY_CHANNEL[channel](), element) as DtoFor<C>;
  const errors = validateSync(dto, { stopAtFirstError: true, forbidUnknownValues: false });
  if (errors.length === 0) return { ok: true, dto };

  const rejections = errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map(splitMessage),
  );
  rejections.sort((a, b) => PRIORITY.indexOf(a.reason) - PRIORITY.indexOf(b.reason));
  return { ok: false, ...rejections[0] };
}

function splitMessage(text: string): Rejection {
  const colon = text.indexOf(':');
  return { reason: text.slice(0, colon) as RejectReason, message: text.slice(colon + 1) };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
