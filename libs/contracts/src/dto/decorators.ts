/**
 * House validators. Each carries the dead-letter reason it implies in its context, so
 * that one place (validate-element.ts) can turn class-validator errors into §2 reasons.
 */
import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import type { RejectReason } from '../reasons';
import { parseDeviceTime } from '../time';

type Check = (value: unknown) => { reason: RejectReason; message: string } | null;

/**
 * Registers one property check. Its failure message is `reason:sentence`, which
 * validate-element.ts splits again; class-validator calls validate then defaultMessage
 * synchronously for the same value, so `last` is never another element's verdict.
 */
function houseRule(name: string, check: Check, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) => {
    let last: { reason: RejectReason; message: string } | null = null;
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate(value: unknown) {
          last = check(value);
          return last === null;
        },
        defaultMessage: (args?: ValidationArguments) =>
          last ? `${last.reason}:${last.message}` : `wrong_type:${args?.property} is invalid`,
      },
    });
  };
}

const shown = (value: unknown) =>
  typeof value === 'string' ? JSON.stringify(value) : String(value);

const presence = (field: string, value: unknown) =>
  value === undefined || value === null
    ? { reason: 'missing_field' as const, message: `${field} is required` }
    : null;

/** A finite number; a string (even "NaN") is the wrong type, NaN or Infinity out of range. */
function numberIn(field: string, min: number, max: number, unit = ''): Check {
  return (value) => {
    if (typeof value !== 'number') {
      return { reason: 'wrong_type', message: `${field} ${shown(value)} is not a number` };
    }
    if (!Number.isFinite(value) || value < min || value > max) {
      return {
        reason: 'out_of_range',
        message: `${field} ${value}${unit} is outside ${min}..${max}`,
      };
    }
    return null;
  };
}

function integerIn(field: string, min: number, max: number): Check {
  const inRange = numberIn(field, min, max);
  return (value) => {
    if (typeof value === 'number' && Number.isFinite(value) && !Number.isInteger(value)) {
      return { reason: 'wrong_type', message: `${field} ${value} is not an integer` };
    }
    return inRange(value);
  };
}

const required =
  (field: string, check: Check): Check =>
  (value) =>
    presence(field, value) ?? check(value);

const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined ? null : check(value);

export const IsDeviceTime = (field = 'ts') =>
  houseRule(
    'isDeviceTime',
    required(field, (value) => {
      const parsed = parseDeviceTime(value, field);
      return parsed.ok ? null : { reason: parsed.reason, message: parsed.message };
    }),
  );

export const IsRequiredNumber = (field: string, min: number, max: number) =>
  houseRule('isRequiredNumber', required(field, numberIn(field, min, max)));

export const IsOptionalNumber = (field: string, min: number, max: number) =>
  houseRule('isOptionalNumber', optional(numberIn(field, min, max)));

export const IsRequiredInteger = (field: string, min: number, max: number) =>
  houseRule('isRequiredInteger', required(field, integerIn(field, min, max)));

export const IsOptionalInteger = (field: string, min: number, max: number) =>
  houseRule('isOptionalInteger', optional(integerIn(field, min, max)));

export const IsLatitude = () => IsRequiredNumber('lat', -90, 90);
export const IsLongitude = () => IsRequiredNumber('lon', -180, 180);

function booleanCheck(field: string): Check {
  return (value) =>
    typeof value === 'boolean'
      ? null
      : { reason: 'wrong_type', message: `${field} ${shown(value)} is not a boolean` };
}

export const IsRequiredBoolean = (field: string) =>
  houseRule('isRequiredBoolean', required(field, booleanCheck(field)));
export const IsOptionalBoolean = (field: string) =>
  houseRule('isOptionalBoolean', optional(booleanCheck(field)));

export const IsOptionalText = (field: string, maxLength: number) =>
  houseRule(
    'isOptionalText',
    optional((value) => {
      if (typeof value !== 'string') {
        return { reason: 'wrong_type', message: `${field} ${shown(value)} is not a string` };
      }
      return value.length > maxLength
        ? { reason: 'out_of_range', message: `${field} is longer than ${maxLength} characters` }
        : null;
    }),
  );

const HEX = /^[0-9a-fA-F]+$/;

/** An EPC: 8 to 64 hex digits, any case. */
export const IsTag = () =>
  houseRule(
    'isTag',
    required('tag', (value) => {
      if (typeof value !== 'string' || !HEX.test(value)) {
        return { reason: 'wrong_type', message: `tag ${shown(value)} is not a hex EPC` };
      }
      return value.length < 8 || value.length > 64
        ? { reason: 'out_of_range', message: `tag has ${value.length} hex digits, not 8..64` }
        : null;
    }),
  );

/** A plate as typed at a weighbridge: some visible characters, at most 32. */
export const IsPlate = () =>
  houseRule(
    'isPlate',
    required('plate', (value) => {
      if (typeof value !== 'string') {
        return { reason: 'wrong_type', message: `plate ${shown(value)} is not a string` };
      }
      if (value.trim() === '' || value.length > 32) {
        return { reason: 'out_of_range', message: `plate ${shown(value)} is empty or too long` };
      }
      return null;
    }),
  );
