/** What every API controller shares: the guard, the error filter, validation, OpenAPI. */
import { applyDecorators, Controller, UseFilters, UseGuards, UsePipes } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AuthGuard } from '../auth/auth.guard';
import { SESSION_COOKIE } from '../auth/sessions';
import { ApiExceptionFilter } from './api-exception.filter';
import { queryPipe } from './validation';

export function ApiController(path: string, tag: string) {
  return applyDecorators(
    Controller(path),
    UseGuards(AuthGuard),
    UseFilters(ApiExceptionFilter),
    UsePipes(queryPipe()),
    ApiTags(tag),
  );
}

/** OpenAPI: the route wants a token (header or session cookie) and may answer 401/403. */
export function Authenticated() {
  return applyDecorators(
    ApiBearerAuth(),
    ApiCookieAuth(SESSION_COOKIE),
    ApiUnauthorizedResponse({ description: 'No valid token' }),
    ApiForbiddenResponse({ description: 'The role lacks this right' }),
  );
}
