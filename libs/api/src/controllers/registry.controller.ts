import { HttpCode, Inject, Post, UnprocessableEntityException } from '@nestjs/common';
import { ApiOkResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { RegistryService } from '@sanitation/registry';
import { Operation, Requires } from '../auth/decorators';
import { ApiController, Authenticated } from '../http/api-controller.decorator';
import { REGISTRY_SERVICE } from '../ports';
import { RegistrySummary, summarize } from '../presenters/registry.presenter';

@ApiController('api/registry', 'registry')
@Authenticated()
export class RegistryController {
  constructor(@Inject(REGISTRY_SERVICE) private readonly registry: RegistryService) {}

  @Post('reload')
  @HttpCode(200)
  @Requires('registry:reload')
  @Operation('Reload the registry', 'Reads REGISTRY_PATH again; an invalid file changes nothing.')
  @ApiOkResponse({ description: 'The new registry: city, timezone and counts' })
  @ApiUnprocessableEntityResponse({ description: 'The file is invalid; the old registry stays' })
  reload(): RegistrySummary {
    const result = this.registry.reload();
    if (!result.ok) throw new UnprocessableEntityException(result.error);
    return summarize(result.registry);
  }
}
