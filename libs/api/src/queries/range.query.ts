/** `from`, `to`, `limit` and `offset`, shared by every list (contract §5). */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIntegerIn, IsNotBefore, IsTimeMs, ToInteger, ToTimeMs } from '../http/validation';

export const DEFAULT_LIMIT = 1000;
export const MAX_LIMIT = 10_000;

const TIME_DOC = 'ISO-8601 with an offset (e.g. 2026-12-03T08:00:00+08:00) or epoch ms';

export class TimeRangeQuery {
  @ApiPropertyOptional({ description: `Start, inclusive: ${TIME_DOC}`, type: String })
  @ToTimeMs()
  @IsOptional()
  @IsTimeMs()
  from?: number;

  @ApiPropertyOptional({ description: `End, exclusive: ${TIME_DOC}`, type: String })
  @ToTimeMs()
  @IsOptional()
  @IsTimeMs()
  @IsNotBefore('from')
  to?: number;
}

export class PagedQuery extends TimeRangeQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })
  @ToInteger()
  @IsIntegerIn(1, MAX_LIMIT, `limit must be an integer from 1 to ${MAX_LIMIT}`)
  limit: number = DEFAULT_LIMIT;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @ToInteger()
  @IsIntegerIn(0, Number.MAX_SAFE_INTEGER, 'offset must be an integer of 0 or more')
  offset: number = 0;
}

export function range(query: TimeRangeQuery): { from?: number; to?: number } {
  return { from: query.from, to: query.to };
}

export function page(query: PagedQuery): { limit: number; offset: number } {
  return { limit: query.limit, offset: query.offset };
}
