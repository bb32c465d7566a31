/** The observability hook: one call per event with a redacted summary (never credentials). */
import type { RequestSummary } from './reply-mapping';

export type LinstorLogEvent =
  | { readonly type: 'request'; readonly controller: string; readonly request: RequestSummary }
  | {
      readonly type: 'response';
      readonly controller: string;
      readonly method: string;
      readonly url: string;
      readonly status: number;
      readonly durationMs: number;
    }
  | {
      readonly type: 'error';
      readonly controller: string;
      readonly method: string;
      readonly url: string;
      readonly message: string;
      readonly durationMs: number;
    }
  | { readonly type: 'failover'; readonly from: string; readonly to: string; readonly reason: string }
  | { readonly type: 'handshake'; readonly controller: string; readonly restApiVersion: string };

export type LinstorLogger = (event: LinstorLogEvent) => void;
