/** A path segment that must be a positive integer (a weigh ticket number). */
import { BadRequestException, PipeTransform } from '@nestjs/common';

export class PositiveIntPipe implements PipeTransform<string, number> {
  constructor(private readonly name: string) {}

  transform(value: string): number {
    const parsed = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(parsed) || parsed < 1) {
      throw new BadRequestException(`${this.name} must be a positive integer`);
    }
    return parsed;
  }
}
