import { Body, Delete, Get, HttpCode, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiTokens } from '../auth/api-tokens';
import { expiredCookie, readCookie, sessionCookie } from '../auth/cookies';
import { ApiRequest, Operation, Public } from '../auth/decorators';
import { SESSION_COOKIE, SESSION_TTL_MS, SessionStore } from '../auth/sessions';
import { ApiController } from '../http/api-controller.decorator';
import { SessionBody } from '../queries/bodies';

@ApiController('api/session', 'session')
export class SessionController {
  constructor(
    private readonly tokens: ApiTokens,
    private readonly sessions: SessionStore,
  ) {}

  @Post()
  @HttpCode(200)
  @Public()
  @Operation('Sign in', 'Trades an API token for an HttpOnly, SameSite=Strict session cookie.')
  @ApiOkResponse({ description: 'Signed in: role and expiry; the cookie is set' })
  @ApiUnauthorizedResponse({ description: 'Unknown token' })
  signIn(
    @Body() body: SessionBody,
    @Req() request: ApiRequest,
    @Res({ passthrough: true }) response: Response,
  ) {
    const identity = this.tokens.identify(body.token);
    if (!identity) throw new UnauthorizedException('Unknown token');

    const session = this.sessions.open(identity);
    const cookie = sessionCookie(SESSION_COOKIE, session.id, SESSION_TTL_MS / 1000, request.secure);
    response.setHeader('Set-Cookie', cookie);
    return { role: identity.role, expiresAt: new Date(session.expiresAt).toISOString() };
  }

  @Get()
  @Public()
  @Operation(
    'Who is signed in',
    'Whether the cookie sent is a live session, so a page can ask before it calls anything ' +
      'that would answer 401.',
  )
  @ApiOkResponse({ description: '{"signedIn": true, "role": …} or {"signedIn": false}' })
  current(@Req() request: ApiRequest) {
    const identity = this.sessions.identify(readCookie(request.headers.cookie, SESSION_COOKIE));
    return identity ? { signedIn: true, role: identity.role } : { signedIn: false };
  }

  @Delete()
  @HttpCode(204)
  @Public()
  @Operation('Sign out', 'Ends the session of the cookie sent and expires the cookie.')
  @ApiNoContentResponse({ description: 'Signed out' })
  signOut(@Req() request: ApiRequest, @Res({ passthrough: true }) response: Response): void {
    this.sessions.close(readCookie(request.headers.cookie, SESSION_COOKIE));

    response.setHeader('Set-Cookie', expiredCookie(SESSION_COOKIE));
  }
}
