/**
 * OpenAPI at /api/docs (contract §5). The docs are a route like any other, so they need
 * a token too: a bearer header, the session cookie, or `?access_token=`.
 */
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { ApiTokens } from './auth/api-tokens';
import { readCookie } from './auth/cookies';
import { SESSION_COOKIE, SessionStore } from './auth/sessions';

export const DOCS_PATH = 'api/docs';

export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Sanitation telemetry platform')
    .setDescription('Fleet, alerts, weighings and dead letters (contract §5).')
    .setVersion('1')
    .addBearerAuth()
    .addCookieAuth(SESSION_COOKIE)
    .build();
  const document = SwaggerModule.createDocument(app, config);

  const guard = docsGuard(app.get(ApiTokens), app.get(SessionStore));
  app.use(`/${DOCS_PATH}`, guard);
  app.use(`/${DOCS_PATH}-json`, guard);
  app.use(`/${DOCS_PATH}-yaml`, guard);
  SwaggerModule.setup(DOCS_PATH, app, document);
}

function docsGuard(tokens: ApiTokens, sessions: SessionStore) {
  return (request: Request, response: Response, next: NextFunction) => {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    const query = typeof request.query.access_token === 'string'
      ? request.query.access_token
      : undefined;
    const identity = tokens.identify(bearer ?? query)
      ?? sessions.identify(readCookie(request.headers.cookie, SESSION_COOKIE));
    if (identity) {
      next();
      return;
    }

    response.setHeader('WWW-Authenticate', 'Bearer');
    response.status(401).json({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Sign in (POST /api/session) or send Authorization: Bearer <token>',
    });
  };
}
