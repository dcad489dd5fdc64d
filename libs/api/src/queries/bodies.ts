/** Request bodies. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class ClearAlertBody {
  @ApiPropertyOptional({ description: 'Why it was cleared', maxLength: 2000 })
  @IsOptional()
  @IsString({ message: 'note must be a string' })
  @MaxLength(2000, { message: 'note must be at most 2000 characters' })
  note?: string;
}

export class MatchWeighingBody {
  @ApiProperty({ description: 'Registry id of the truck that was weighed', example: 'T001' })
  @IsString({ message: 'truckId must be a string' })
  @IsNotEmpty({ message: 'truckId must not be empty' })
  @MaxLength(128, { message: 'truckId must be at most 128 characters' })
  truckId!: string;
}

export class SessionBody {
  @ApiProperty({ description: 'An API token' })
  @IsString({ message: 'token must be a string' })
  @IsNotEmpty({ message: 'token must not be empty' })
  @MaxLength(512, { message: 'token must be at most 512 characters' })
  token!: string;
}
