import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import type { WebConfig } from '../brand/web-config';
import { navigate } from '../ui/router';
import { devSignIn, oidcSignIn } from './sign-in';
import { homeOf, ROLE_LABELS, type Role } from './session';

/** With a provider: one button (authorization code + PKCE). Without, outside production: role + org. */
export function SignInPage({ config, notice }: { config: WebConfig; notice?: string }) {
  return (
    <>
      <p class="lead">
        Les lieux enregistrent les chèques de leurs usagers ; les collectivités suivent où va l'argent.
      </p>
      {notice && (
        <p class="notice notice--warning" role="alert">
          {notice}
        </p>
      )}
      {config.oidc ? <ProviderSignIn config={config} /> : config.devSignIn ? <DevSignIn /> : <NoSignIn />}
    </>
  );
}

function ProviderSignIn({ config }: { config: WebConfig }) {
  const [error, setError] = useState<string>();
  return (
    <section class="card narrow" aria-labelledby="provider-title">
      <h2 id="provider-title">Se connecter</h2>
      <p>Vous allez être redirigé vers le service d'identité de votre organisation.</p>
      <button
        type="button"
        class="button"
        onClick={() =>
          oidcSignIn(config).catch(() =>
            setError("Le service d'identité ne répond pas. Vérifiez la connexion et réessayez."),
          )
        }
      >
        Se connecter
      </button>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

const ROLES: Role[] = ['venue', 'payer', 'distributor', 'admin'];

function DevSignIn() {
  const [role, setRole] = useState<Role>('venue');
  const [org, setOrg] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(org.trim())) {
      setError("Saisissez l'identifiant de l'organisation (lettres, chiffres, - ou _).");
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const actor = await devSignIn(role, org.trim());
      navigate(homeOf(actor.role));
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.offline
          ? 'Pas de réseau : la connexion demande une connexion à Internet.'
          : 'La connexion a été refusée.',
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card narrow" aria-labelledby="dev-title">
      <h2 id="dev-title">Connexion de développement</h2>
      <p class="notice notice--warning">
        Aucun fournisseur d'identité n'est configuré : cette connexion sans mot de passe n'existe qu'en
        développement.
      </p>
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label for="dev-role">Type de compte</label>
          <select
            id="dev-role"
            value={role}
            onChange={(event) => setRole((event.currentTarget as HTMLSelectElement).value as Role)}
          >
            {ROLES.map((value) => (
              <option key={value} value={value}>
                {ROLE_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="dev-org">
            Organisation <span class="hint">(SIREN de la collectivité, identifiant du lieu…)</span>
          </label>
          <input
            id="dev-org"
            value={org}
            onInput={(event) => setOrg((event.currentTarget as HTMLInputElement).value)}
            autocomplete="organization"
            aria-invalid={error ? 'true' : 'false'}
            aria-describedby={error ? 'dev-error' : undefined}
            required
          />
        </div>
        {error && (
          <p id="dev-error" class="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button" disabled={busy}>
          Se connecter
        </button>
      </form>
    </section>
  );
}

function NoSignIn() {
  return (
    <p class="notice notice--error">
      La connexion n'est pas configurée sur ce service : renseignez OIDC_ISSUER_URL et OIDC_CLIENT_ID.
    </p>
  );
}
