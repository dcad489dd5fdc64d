import {
  IsDeviceTime,
  IsPlate,
  IsOptionalNumber,
  IsRequiredInteger,
  IsRequiredNumber,
} from './decorators';

/** Heaviest load a road weighbridge is built for, with margin: 200 t. */
const MAX_WEIGHT_KG = 200_000;

/** A completed weigh ticket (contract §2). Weights in kg. */
export class WeighingDto {
  @IsRequiredInteger('ticket', 1, Number.MAX_SAFE_INTEGER) ticket!: number;
  @IsDeviceTime() ts!: string | number;
  @IsPlate() plate!: string;
  @IsRequiredNumber('grossKg', 0, MAX_WEIGHT_KG) grossKg!: number;
  @IsOptionalNumber('tareKg', 0, MAX_WEIGHT_KG) tareKg?: number;
}
