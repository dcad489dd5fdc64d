/** The web console's static files at `/`, and the district outlines its map draws. */
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';

const ROOT = join(__dirname, '..', '..', '..');
const DISTRICTS = join(ROOT, 'seeds', 'panjin', 'districts.wgs84.geojson');

export function serveConsole(app: NestExpressApplication): void {
  app.useStaticAssets(join(ROOT, 'apps', 'console', 'public'), { index: 'index.html' });
  // One file, not the folder: the seeds folder also holds development device secrets.
  app.use('/console/districts.geojson', (_req: Request, res: Response) =>
    res.type('application/geo+json').sendFile(DISTRICTS),
  );
}
