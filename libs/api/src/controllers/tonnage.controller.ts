import { Get, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Operation, Requires } from '../auth/decorators';
import { ApiController, Authenticated } from '../http/api-controller.decorator';
import type { TonnageView } from '../presenters/tonnage.presenter';
import { TonnageQueryParams } from '../queries/queries';
import { TonnageService } from '../services/tonnage.service';

@ApiController('api/tonnage', 'weighings')
@Authenticated()
export class TonnageController {
  constructor(private readonly tonnage: TonnageService) {}

  @Get()
  @Requires('weighings:read')
  @Operation('Sum net tonnage',
    'By facility, stream, district or truck, per local day or month of the registry timezone.')
  @ApiOkResponse({ description: 'Rows: period (local start date), key, netKg, tonnes, weighings' })
  sums(@Query() query: TonnageQueryParams): Promise<TonnageView[]> {
    return this.tonnage.sums(query);
  }
}
