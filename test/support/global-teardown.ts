/** Every suite stops its own servers; nothing is shared across suites. */
export default function globalTeardown(): void {}
