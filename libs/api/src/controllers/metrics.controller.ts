import { Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import type { PlatformMetrics } from '@sanitation/observability';
import { Operation, Public } from '../auth/decorators';
import { ApiController } from '../http/api-controller.decorator';
import { METRICS } from '../ports';

@ApiController('metrics', 'metrics')
export class MetricsController {
  constructor(@Inject(METRICS) private readonly metrics: PlatformMetrics) {}

  @Get()
  @Public()
  @Operation('Read metrics', 'Prometheus text exposition; no token.')
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text format 0.0.4' })
  async scrape(@Res({ passthrough: true }) response: Response): Promise<string> {
    response.setHeader('Content-Type', this.metrics.registry.contentType);
    await this.metrics.refresh();
    return this.metrics.registry.metrics();
  }
}
