/** `/metrics` of an ingest process: Prometheus text, no token (contract §5). */
import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { METRICS } from '@sanitation/api';
import type { PlatformMetrics } from '@sanitation/observability';

@Controller('metrics')
export class MetricsController {
  constructor(@Inject(METRICS) private readonly metrics: PlatformMetrics) {}

  @Get()
  async scrape(@Res({ passthrough: true }) response: Response): Promise<string> {
    response.setHeader('Content-Type', this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}
