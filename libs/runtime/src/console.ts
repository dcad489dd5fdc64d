/** The web console's static files at `/`, and the district outlines its map draws. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';

const ROOT = join(__dirname, '..', '..', '..');
const OUTLINES_FILE = 'districts.wgs84.geojson';
const PANJIN_OUTLINES = join(ROOT, 'seeds', 'panjin', OUTLINES_FILE);

/**
 * The map layer is `districts.wgs84.geojson` beside the registry file when the city has
 * one, else Panjin's. One file is served, not the folder: a seeds folder also holds
 * development device secrets.
 */
export function serveConsole(app: NestExpressApplication, registryPath: string): void {
  const besideRegistry = join(dirname(registryPath), OUTLINES_FILE);
  const outlines = existsSync(besideRegistry) ? besideRegistry : PANJIN_OUTLINES;

  app.useStaticAssets(join(ROOT, 'apps', 'console', 'public'), { index: 'index.html' });
  app.use('/console/districts.geojson', (_req: Request, res: Response) =>
    res.type('application/geo+json').sendFile(outlines),
  );
}
