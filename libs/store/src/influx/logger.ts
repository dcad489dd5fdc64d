/** The structured logger the store accepts: pino's shape, so pino passes as is. */
export interface StoreLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const noop = (): void => undefined;

export const SILENT_LOGGER: StoreLogger = { debug: noop, info: noop, warn: noop, error: noop };
