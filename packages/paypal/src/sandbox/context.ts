import type { NvpCredentials } from '../nvp/types.ts';
import type { IpnNotifier } from './ipn.ts';
import type { SandboxBuyer, SandboxState } from './state.ts';

/** What every route of the sandbox works with. */
export interface SandboxContext {
  state: SandboxState;
  credentials: readonly NvpCredentials[];
  buyers: readonly SandboxBuyer[];
  /** The sandbox clock: the configured clock plus whatever /sim/clock added. */
  now(): number;
  ipn: IpnNotifier;
}
