import { Body, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
} from '@nestjs/swagger';
import { Actor, Operation, Requires } from '../auth/decorators';
import { ApiController, Authenticated } from '../http/api-controller.decorator';
import { PositiveIntPipe } from '../http/positive-int.pipe';
import type { WeighingView } from '../presenters/weighing.presenter';
import { MatchWeighingBody } from '../queries/bodies';
import { WeighingsQuery } from '../queries/queries';
import { WeighingsService } from '../services/weighings.service';

@ApiController('api', 'weighings')
@Authenticated()
export class WeighingsController {
  constructor(private readonly weighings: WeighingsService) {}

  @Get('weighings')
  @Requires('weighings:read')
  @Operation('List weigh tickets', 'Newest first by ticket time.')
  @ApiOkResponse({ description: 'Weigh tickets' })
  list(@Query() query: WeighingsQuery): Promise<WeighingView[]> {
    return this.weighings.list(query);
  }

  @Get('weighings.csv')
  @Requires('weighings:read')
  @Operation('Export weigh tickets as CSV', 'UTF-8 with BOM, RFC 4180, one header row.')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV attachment' })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="weighings.csv"')
  csv(@Query() query: WeighingsQuery): Promise<string> {
    return this.weighings.csv(query);
  }

  @Post('weighings/:weighbridgeId/:ticket/match')
  @HttpCode(200)
  @Requires('weighings:match')
  @Operation('Match a weigh ticket to a truck', 'For an unmatched ticket; records who did it.')
  @ApiOkResponse({ description: 'The ticket after the match' })
  @ApiBadRequestResponse({ description: 'A bad ticket number or truck id' })
  @ApiNotFoundResponse({ description: 'No such ticket or truck' })
  @ApiConflictResponse({ description: 'The ticket is already matched' })
  match(
    @Param('weighbridgeId') weighbridgeId: string,
    @Param('ticket', new PositiveIntPipe('ticket')) ticket: number,
    @Body() body: MatchWeighingBody,
    @Actor() by: string,
  ): Promise<WeighingView> {
    return this.weighings.match(weighbridgeId, ticket, body.truckId, by);
  }
}
