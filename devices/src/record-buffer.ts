/** Store-and-forward buffer of a device that is offline (contract §2: arrays, oldest first). */

/** Contract §2: a device uploads at most 500 elements per message. */
export const MAX_ELEMENTS_PER_MESSAGE = 500;

/** Splits records, oldest first, into upload batches of at most `size` elements. */
export function chunkRecords<T>(records: T[], size = MAX_ELEMENTS_PER_MESSAGE): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < records.length; index += size) {
    chunks.push(records.slice(index, index + size));
  }
  return chunks;
}

export class RecordBuffer<T> {
  private records: T[] = [];

  get size(): number {
    return this.records.length;
  }

  push(record: T): void {
    this.records.push(record);
  }

  /** Empties the buffer and returns its content as upload batches. */
  drain(size = MAX_ELEMENTS_PER_MESSAGE): T[][] {
    const batches = chunkRecords(this.records, size);
    this.records = [];
    return batches;
  }

  /** Puts batches that could not be sent back in front, keeping the order. */
  restore(batches: T[][]): void {
    this.records = [...batches.flat(), ...this.records];
  }
}
