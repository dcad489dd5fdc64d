/** One line of a traffic file (contract §6). */
export interface TrafficRecord {
  /** Epoch ms when the message was seen. */
  t: number;
  topic: string;
  payload?: string;
  payloadBase64?: string;
  qos?: 0 | 1 | 2;
  retain?: boolean;
}
