/**
 * Query and body validation (contract §5): a bad value gets 400 with one sentence naming
 * the parameter, e.g. "limit must be an integer from 1 to 10000".
 */
import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy, ValidationArguments } from 'class-validator';
import { parseDeviceTime } from '@sanitation/contracts';

export function queryPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new BadRequestException(firstMessage(errors)),
  });
}

function firstMessage(errors: ValidationError[]): string {
  for (const error of errors) {
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) return messages[0];
    const nested = firstMessage(error.children ?? []);
    if (nested) return nested;
  }
  return 'the request is invalid';
}

/** An absent parameter and an empty one (`?truckId=`) mean the same: no filter. */
export const EmptyAsAbsent = () =>
  Transform(({ value }) => (value === '' ? undefined : value));

/** ISO-8601 with an offset or epoch ms, to epoch ms; anything else stays for the check. */
export const ToTimeMs = () =>
  Transform(({ value }) => {
    if (value === '' || value === undefined) return undefined;
    if (typeof value !== 'string') return value;
    const parsed = parseDeviceTime(/^\d+$/.test(value) ? Number(value) : value);
    return parsed.ok ? parsed.ms : value;
  });

export const ToInteger = () =>
  Transform(({ value }) => {
    if (value === '' || value === undefined) return undefined;
    return typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  });

export const IsTimeMs = () =>
  ValidateBy({
    name: 'isTimeMs',
    validator: {
      validate: (value) => typeof value === 'number',
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property} must be ISO-8601 with an offset or epoch milliseconds (2000..2100)`,
    },
  });

/** On `to`: the range must not run backwards. */
export const IsNotBefore = (other: string) =>
  ValidateBy({
    name: 'isNotBefore',
    validator: {
      validate: (value, args) => {
        const start = (args?.object as Record<string, unknown>)[other];
        return typeof start !== 'number' || typeof value !== 'number' || value >= start;
      },
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property} must not be before ${other}`,
    },
  });

export const IsIntegerIn = (min: number, max: number, message: string) =>
  ValidateBy({
    name: 'isIntegerIn',
    validator: {
      validate: (value) =>
        typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max,
      defaultMessage: () => message,
    },
  });
