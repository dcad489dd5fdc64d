import { Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Operation, Public } from '../auth/decorators';
import { ApiController } from '../http/api-controller.decorator';
import { HealthReport, HealthService } from '../services/health.service';

@ApiController('api/health', 'health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @Operation('Check health', 'Liveness and readiness of broker, store and rules; no token.')
  @ApiOkResponse({ description: 'Every check passed' })
  @ApiServiceUnavailableResponse({ description: 'At least one check failed' })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const report = await this.health.report();

    response.status(report.ready ? 200 : 503);
    return report;
  }
}
