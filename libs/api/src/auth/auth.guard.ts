/**
 * Contract §5 access: a bearer token, a session cookie or, on event streams,
 * `?access_token=`. A missing or wrong credential is 401; a role without the right, 403.
 */
import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { ApiTokens, Identity } from './api-tokens';
import { readCookie } from './cookies';
import {
  ApiRequest,
  OPERATION_KEY,
  PUBLIC_KEY,
  QUERY_TOKEN_KEY,
  RIGHT_KEY,
} from './decorators';
import { Right, roleHas } from './rights';
import { SESSION_COOKIE, SessionStore } from './sessions';

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: ApiTokens,
    private readonly sessions: SessionStore,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<ApiRequest>();
    const targets = [context.getHandler(), context.getClass()];
    request.operation = this.reflector.getAllAndOverride<string>(OPERATION_KEY, targets);

    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const queryToken = this.reflector.getAllAndOverride<boolean>(QUERY_TOKEN_KEY, targets);
    const identity = this.identify(request, queryToken === true);
    if (!identity) {
      context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer');
      throw new UnauthorizedException('A valid API token is required');
    }
    request.identity = identity;

    const right = this.reflector.getAllAndOverride<Right | undefined>(RIGHT_KEY, targets);
    if (right && !roleHas(identity.role, right)) {
      throw new ForbiddenException(`Role ${identity.role} may not ${request.operation ?? right}`);
    }
    return true;
  }

  /** A header that is present decides alone: a wrong bearer never falls back to a cookie. */
  private identify(request: ApiRequest, queryToken: boolean): Identity | null {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      return match ? this.tokens.identify(match[1]) : null;
    }

    const fromQuery = queryToken ? request.query.access_token : undefined;
    if (typeof fromQuery === 'string') return this.tokens.identify(fromQuery);

    return this.sessions.identify(readCookie(request.headers.cookie, SESSION_COOKIE));
  }
}
