/**
 * `npm start`: broker, ingest, rules, API and web console in one process (contract §7).
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { setupOpenApi } from '@sanitation/api';
import { ConfigError, loadConfig } from '@sanitation/config';
import { RegistryError } from '@sanitation/registry';
import { createLogger, NestPinoLogger } from '@sanitation/observability';
import { AckingMqttServer } from '@sanitation/transport';
import { serveConsole } from './console';
import { PlatformModule } from './platform.module';
import { loadRulesConfig, PlatformRuntime, RulesRuntime } from '@sanitation/runtime';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const runtime = new PlatformRuntime(config, logger);
  await runtime.start();
  const rules = new RulesRuntime({
    dataDir: config.dataDir,
    registry: runtime.registry,
    bus: runtime.bus,
    source: runtime.source,
    store: runtime.store,
    metrics: runtime.metrics,
    logger: logger.child({ component: 'rules' }),
    config: loadRulesConfig(config.rulesPath),
  });
  rules.start();

  const app = await NestFactory.create<NestExpressApplication>(
    PlatformModule.forRoot(runtime, rules),
    { logger: new NestPinoLogger(logger.child({ component: 'nest' })), bodyParser: true },
  );
  app.enableShutdownHooks();
  serveConsole(app);
  setupOpenApi(app);
  app.connectMicroservice({ strategy: new AckingMqttServer(runtime.source) });
  await app.startAllMicroservices();
  await app.listen(config.httpPort);

  const httpPort = (app.getHttpServer().address() as { port: number }).port;
  logger.info({ port: httpPort }, `http listening on port ${httpPort}`);

  process.on('SIGHUP', () => {
    const result = runtime.registry.reload();
    if (result.ok) logger.info({ path: runtime.registry.path }, 'registry reloaded on SIGHUP');
    else logger.error({ error: result.error }, 'registry reload failed; keeping the old one');
  });
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    app.close()
      .then(() => runtime.close())
      .then(() => rules.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

bootstrap().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof RegistryError;
  process.stderr.write(`start-up failed: ${known ? (error as Error).message : (error as Error).stack}\n`);
  process.exit(1);
});
