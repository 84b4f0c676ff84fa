import type { ChannelName, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { Session } from '../security/session';
import type { CoreState, OpenDatabase } from './state';

/** What a handler gets besides its validated input. */
export interface CallContext {
  state: CoreState;
  connectionId: string;
  /** The caller's session; null only on `public` channels. */
  session: Session | null;
  now: Date;
  /** The open database, or a LOCKED failure if nobody has signed in since start. */
  database(): OpenDatabase;
  /** The session, for channels that need one (the router guarantees it off `public`). */
  user(): Session;
}

export type Handler<C extends ChannelName> = (
  input: ParsedInputOf<C>,
  ctx: CallContext,
) => OutputOf<C> | Promise<OutputOf<C>>;

/** A module's slice of the contract (Actual Budget style: domain handlers merged into one map). */
export type HandlerSlice<K extends ChannelName> = { [C in K]: Handler<C> };
export type Handlers = { [C in ChannelName]: Handler<C> };
