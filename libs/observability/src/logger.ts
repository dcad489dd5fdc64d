/**
 * One structured logger (pino, JSON lines on stdout) for the whole process, and its
 * adapter for Nest's LoggerService so framework messages land in the same stream.
 */
import type { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import type { LogLevel } from '@sanitation/config';

export type { Logger } from 'pino';

export function createLogger(level: LogLevel, name = 'sanitation'): Logger {
  return pino({ name, level, base: { pid: process.pid } });
}

/** Nest's start-up chatter (one line per route and module) is detail, not news. */
const CHATTY_CONTEXTS = new Set(['RoutesResolver', 'RouterExplorer', 'InstanceLoader']);

export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    if (context && CHATTY_CONTEXTS.has(context)) this.logger.debug({ context }, String(message));
    else this.logger.info({ context }, String(message));
  }

  error(message: unknown, stack?: string, context?: string): void {
    this.logger.error({ context, stack }, String(message));
  }

  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }

  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }

  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}

export const LOGGER = Symbol('Logger');

/**
 * Start-up facts (the ports bound) are logged whatever LOG_LEVEL says: with port 0 they
 * are the only way to learn where the platform listens (contract §7).
 */
export function startupLogger(logger: Logger): Logger {
  return logger.child({}, { level: 'info' });
}
