/** Route metadata the guard reads, and the parameter decorator that names the caller. */
import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Identity } from './api-tokens';
import type { Right } from './rights';

export const PUBLIC_KEY = 'sanitation:public';
export const RIGHT_KEY = 'sanitation:right';
export const QUERY_TOKEN_KEY = 'sanitation:queryToken';
export const OPERATION_KEY = 'sanitation:operation';

/** A request as the API sees it after the guard. */
export interface ApiRequest extends Request {
  identity?: Identity;
  /** What the route does, in words, for error messages. */
  operation?: string;
}

/** Open to anyone (contract §5: /api/health and /metrics). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const Requires = (right: Right) => SetMetadata(RIGHT_KEY, right);

/** Event streams: a browser's EventSource cannot set headers, so `?access_token=` counts. */
export const AcceptsQueryToken = () => SetMetadata(QUERY_TOKEN_KEY, true);

/** The route's summary in OpenAPI, also used to name the operation when it fails. */
export const Operation = (summary: string, description?: string) =>
  applyDecorators(ApiOperation({ summary, description }), SetMetadata(OPERATION_KEY, summary));

/** The label of who is acting, e.g. `operator:ab12`, for ack, clear and match. */
export const Actor = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<ApiRequest>();
  return request.identity?.label ?? 'unknown';
});
