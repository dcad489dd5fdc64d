/** A query parameter restricted to a list of codes; the 400 message lists them. */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EmptyAsAbsent } from '../http/validation';

export const EnumFilter = (values: readonly string[], description: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, enum: [...values] }),
    EmptyAsAbsent(),
    IsOptional(),
    IsIn([...values], {
      message: ({ property }) => `${property} must be one of ${values.join(', ')}`,
    }),
  );

/** An enum that is always present: a default applies when it is left out. */
export const EnumChoice = (values: readonly string[], description: string, fallback: string) =>
  applyDecorators(
    ApiProperty({ description, enum: [...values], default: fallback, required: false }),
    EmptyAsAbsent(),
    IsIn([...values], {
      message: ({ property }) => `${property} must be one of ${values.join(', ')}`,
    }),
  );
