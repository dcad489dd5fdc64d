/** What every deployable's main does alike: start-up failures, HTTP port, signals. */
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { ADMIN_TOKEN_FILE, ApiTokens } from '@sanitation/api';
import { ConfigError } from '@sanitation/config';
import { Logger, startupLogger } from '@sanitation/observability';
import { RegistryError, RegistryService } from '@sanitation/registry';

/** Runs `bootstrap`; a bad setting or registry stops the process with its message alone. */
export function runMain(bootstrap: () => Promise<void>): void {
  bootstrap().catch((error: unknown) => {
    const known = error instanceof ConfigError || error instanceof RegistryError;
    const text = known ? (error as Error).message : (error as Error).stack;
    process.stderr.write(`start-up failed: ${text}\n`);
    process.exit(1);
  });
}

/** Listens and logs the bound port (contract §7: port 0 means any free port). */
export async function listenHttp(
  app: INestApplication,
  port: number,
  logger: Logger,
): Promise<number> {
  await app.listen(port);

  const bound = (app.getHttpServer().address() as { port: number }).port;
  startupLogger(logger).info({ port: bound }, `http listening on port ${bound}`);
  return bound;
}

/** Contract §1: SIGHUP reloads the registry, keeping the old one if the new is invalid. */
export function reloadRegistryOnHangup(registry: RegistryService, logger: Logger): void {
  process.on('SIGHUP', () => {
    const result = registry.reload();
    if (result.ok) logger.info({ path: registry.path }, 'registry reloaded on SIGHUP');
    else logger.error({ error: result.error }, 'registry reload failed; keeping the old one');
  });
}

/** SIGTERM and SIGINT run `close` once, then exit 0 (1 if closing failed). */
export function closeOnSignals(logger: Logger, close: () => Promise<void>): void {
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

export function logRegistryLoaded(registry: RegistryService, logger: Logger): void {
  const city = registry.current;
  logger.info(
    { city: city.city, trucks: city.trucks.size, bins: city.bins.size, path: registry.path },
    `registry loaded: ${city.city}`,
  );
}

/** Contract §5: an admin token made at first start is printed once. */
export function announceAdminToken(tokens: ApiTokens, dataDir: string, logger: Logger): void {
  if (!tokens.createdAdminToken) return;
  logger.warn(
    { file: join(dataDir, ADMIN_TOKEN_FILE) },
    `API_TOKENS is unset: made an admin token, shown this once: ${tokens.createdAdminToken}`,
  );
}
