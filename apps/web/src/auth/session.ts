/**
 * The signed-in person: bearer token and who the API takes it for. Kept in sessionStorage (it dies
 * with the tab, survives a reload, including an offline one) and never in a URL or a log.
 */
export type Role = 'admin' | 'payer' | 'distributor' | 'venue';

export interface Actor {
  readonly role: Role;
  readonly org: string;
  readonly subject: string;
}

export interface Session {
  readonly token: string;
  readonly actor: Actor;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
  readonly via: 'dev' | 'oidc';
}

const KEY = 'pass.session';
/** The last venue signed in on this device (no token): its scanner still opens offline. */
const LAST_VENUE = 'pass.last-venue';
type Listener = (current: Session | undefined, reason?: 'expired') => void;
const listeners = new Set<Listener>();

function read(): Session | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    const parsed = raw ? (JSON.parse(raw) as Session) : undefined;
    return parsed && parsed.expiresAt > Date.now() ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export const session = {
  current: read,
  token: (): string | undefined => read()?.token,
  start(value: Session): void {
    sessionStorage.setItem(KEY, JSON.stringify(value));
    if (value.actor.role === 'venue') localStorage.setItem(LAST_VENUE, JSON.stringify(value.actor));
    listeners.forEach((listener) => listener(value));
  },
  /** Signing out also forgets the venue: the device no longer scans for it offline. */
  end(): void {
    sessionStorage.removeItem(KEY);
    localStorage.removeItem(LAST_VENUE);
    listeners.forEach((listener) => listener(undefined));
  },
  /** The API answered 401: the token expired or was revoked. */
  expired(): void {
    sessionStorage.removeItem(KEY);
    listeners.forEach((listener) => listener(undefined, 'expired'));
  },
  lastVenue(): Actor | undefined {
    try {
      return JSON.parse(localStorage.getItem(LAST_VENUE) ?? 'null') ?? undefined;
    } catch {
      return undefined;
    }
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export const ROLE_LABELS: Record<Role, string> = {
  venue: 'Lieu (médiation numérique)',
  payer: 'Collectivité (financeur)',
  distributor: 'Distributeur de carnets',
  admin: 'Opérateur',
};

/** Where each role lands after signing in. */
export function homeOf(role: Role): string {
  if (role === 'venue') return '/app/scan';
  if (role === 'payer') return '/app/tableau-de-bord';
  return '/app/';
}
