import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { api } from '../api/client';
import type { WebConfig } from '../brand/web-config';
import { session, type Actor, type Role } from './session';

export const CALLBACK_PATH = '/app/connexion/retour';

/** Development sign-in (no identity provider, outside production): the API signs a token for anyone. */
export async function devSignIn(role: Role, org: string): Promise<Actor> {
  const { token, expiresIn } = await api<{ token: string; expiresIn: number }>('/v1/dev/token', {
    method: 'POST',
    body: { role, org },
    anonymous: true,
  });
  return startSession(token, Date.now() + expiresIn * 1000, 'dev');
}

let manager: UserManager | undefined;

function userManager(config: WebConfig): UserManager {
  if (!config.oidc) throw new Error('no OpenID Connect provider is configured');
  manager ??= new UserManager({
    authority: config.oidc.issuer,
    client_id: config.oidc.clientId,
    redirect_uri: `${location.origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${location.origin}/app/`,
    response_type: 'code',
    scope: config.oidc.scope,
    // PKCE state lives in sessionStorage for the round trip; the user (tokens) is not kept there by the library.
    stateStore: new WebStorageStateStore({ store: sessionStorage }),
    userStore: new WebStorageStateStore({ store: new InMemoryStorage() }),
    automaticSilentRenew: false,
    loadUserInfo: false,
  });
  return manager;
}

/** Authorization code + PKCE: leaves for the provider, comes back on CALLBACK_PATH. */
export async function oidcSignIn(config: WebConfig): Promise<void> {
  await userManager(config).signinRedirect();
}

/** On CALLBACK_PATH: trades the code for tokens, then drops the code from the address bar. */
export async function completeOidcSignIn(config: WebConfig): Promise<Actor> {
  const user = await userManager(config).signinRedirectCallback();
  history.replaceState(null, '', '/app/');
  const expiresAt = (user.expires_at ?? Date.now() / 1000 + 3600) * 1000;
  return startSession(user.access_token, expiresAt, 'oidc');
}

async function startSession(token: string, expiresAt: number, via: 'dev' | 'oidc'): Promise<Actor> {
  const actor = await api<Actor>('/v1/web/me', {
    headers: { Authorization: `Bearer ${token}` },
    anonymous: true,
  });
  session.start({ token, actor, expiresAt, via });
  return actor;
}

/** A Storage that forgets everything with the page: oidc-client-ts's user store. */
class InMemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}
