/** What the broker refused, for ingest to keep as dead letters and count (contract §2). */
export interface PublishRefusal {
  reason: 'forbidden_topic' | 'payload_too_large';
  topic: string;
  deviceId: string | null;
  payload: Buffer;
  message: string;
}

export interface RefusalSink {
  publishRefused(refusal: PublishRefusal): void;
}
