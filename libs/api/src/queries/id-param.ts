/** Free-text identifiers in queries: a single non-empty value of bounded length. */
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { EmptyAsAbsent } from '../http/validation';

const MAX_ID_CHARS = 128;

export const IdFilter = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, type: String }),
    EmptyAsAbsent(),
    IsOptional(),
    IsString({ message: ({ property }) => `${property} must be given once` }),
    MaxLength(MAX_ID_CHARS, {
      message: ({ property }) => `${property} must be at most ${MAX_ID_CHARS} characters`,
    }),
  );
