import { STATUS_CODES } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { NvpDelay, SandboxState } from './state.ts';

/** What the sandbox does to one NVP call's HTTP exchange, beyond answering it. */
export interface TransportFaults {
  delay: NvpDelay | undefined;
  httpStatus: number | undefined;
}

/** Takes the faults set for this call's METHOD: each applies to its next call only. */
export function takeTransportFaults(
  state: SandboxState,
  fields: Record<string, string>,
): TransportFaults {
  const key = (fields.METHOD ?? '').toLowerCase();
  const delay = state.delayNext.get(key);
  const httpStatus = state.httpErrorNext.get(key);
  state.delayNext.delete(key);
  state.httpErrorNext.delete(key);

  return { delay, httpStatus };
}

/** Holds the exchange; unreferenced, so a held answer never keeps the process alive. */
export function hold(delay: NvpDelay | undefined, when: NvpDelay['when']): Promise<void> {
  if (delay?.when !== when) return Promise.resolve();

  return sleep(delay.ms, undefined, { ref: false });
}

export function httpErrorBody(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}
