export * from './ports';
export * from './api.module';
export * from './openapi';
export { ApiTokens, ADMIN_TOKEN_FILE } from './auth/api-tokens';
export type { Identity } from './auth/api-tokens';
export { RIGHTS } from './auth/rights';
export type { Right } from './auth/rights';
export { SessionStore, SESSION_COOKIE } from './auth/sessions';
