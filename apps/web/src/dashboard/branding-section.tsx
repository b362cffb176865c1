import { useEffect, useState } from 'preact/hooks';
import { api, apiBlob, apiUpload, ApiError } from '../api/client';
import type { Actor } from '../auth/session';
import { LoadedBlock } from '../ui/loading';
import { useApi } from '../ui/use-api';

interface Branding {
  readonly payerId: string;
  readonly displayName: string | null;
  readonly logo: { readonly mediaType: string; readonly bytes: number; readonly url: string } | null;
}

const MAX_LOGO_BYTES = 100 * 1024;
const LOGO_TYPES = ['image/png', 'image/svg+xml'];

/**
 * How the collectivité appears on its dashboard and its printed carnets: a display name and a
 * logo (SVG or PNG, at most 100 kB; only a PNG is printed, the PDF cannot draw SVG).
 */
export function BrandingSection({ actor }: { actor: Actor }) {
  const path = `/v1/payers/${encodeURIComponent(actor.org)}/branding`;
  const branding = useApi<Branding>(path);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [name, setName] = useState<string>();
  const logoUrl = useLogo(branding.data);

  async function saveName(event: Event) {
    event.preventDefault();
    try {
      await api(path, { method: 'PUT', body: { displayName: name ?? branding.data?.displayName ?? '' } });
      setMessage({ kind: 'ok', text: 'Nom enregistré.' });
      branding.reload();
    } catch {
      setMessage({ kind: 'error', text: 'Le nom doit faire de 1 à 80 caractères.' });
    }
  }

  async function uploadLogo(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (!LOGO_TYPES.includes(file.type))
      return setMessage({ kind: 'error', text: 'Le logo doit être une image SVG ou PNG.' });
    if (file.size > MAX_LOGO_BYTES)
      return setMessage({ kind: 'error', text: 'Le logo doit peser au plus 100 ko.' });
    try {
      await apiUpload(`/v1/payers/${encodeURIComponent(actor.org)}/logo`, file, file.type);
      setMessage({ kind: 'ok', text: 'Logo enregistré.' });
      branding.reload();
    } catch (error) {
      const detail = error instanceof ApiError ? error.message : '';
      setMessage({ kind: 'error', text: `Ce logo a été refusé${detail ? ` (${detail})` : ''}.` });
    }
  }

  return (
    <section class="card branding" aria-labelledby="branding-title">
      <h2 id="branding-title">Votre collectivité</h2>
      <LoadedBlock loaded={branding}>
        {(current) => (
          <>
            <div class="branding__identity">
              {logoUrl && (
                <img
                  class="branding__logo"
                  src={logoUrl}
                  alt={`Logo de ${current.displayName ?? actor.org}`}
                />
              )}
              <p class="branding__name">{current.displayName ?? `SIREN ${actor.org}`}</p>
            </div>
            <details class="reader">
              <summary>Modifier le nom et le logo imprimés sur les carnets</summary>
              <form onSubmit={saveName} class="branding__form">
                <div class="field">
                  <label for="display-name">Nom affiché</label>
                  <input
                    id="display-name"
                    value={name ?? current.displayName ?? ''}
                    maxLength={80}
                    onInput={(event) => setName((event.currentTarget as HTMLInputElement).value)}
                  />
                </div>
                <button type="submit" class="button button--secondary">
                  Enregistrer le nom
                </button>
              </form>
              <div class="field">
                <label for="logo-file">
                  Logo{' '}
                  <span class="hint">
                    (SVG ou PNG, 100 ko au plus ; seul un PNG est imprimé sur les carnets)
                  </span>
                </label>
                <input id="logo-file" type="file" accept="image/png,image/svg+xml" onChange={uploadLogo} />
              </div>
            </details>
          </>
        )}
      </LoadedBlock>
      <p role="status" class={message?.kind === 'error' ? 'field-error' : 'field-ok'}>
        {message?.text ?? ''}
      </p>
    </section>
  );
}

/** The logo needs the bearer token: fetched as a blob, shown through an object URL. */
function useLogo(branding: Branding | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  const source = branding?.logo ? `${branding.logo.url}#${branding.logo.bytes}` : undefined;
  useEffect(() => {
    if (!branding?.logo) return setUrl(undefined);
    let objectUrl: string | undefined;
    let current = true;
    apiBlob(branding.logo.url)
      .then((blob) => {
        if (!current) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      })
      .catch(() => setUrl(undefined));
    return () => {
      current = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [source]);
  return url;
}
