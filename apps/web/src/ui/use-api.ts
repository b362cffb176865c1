import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';

export interface Loaded<T> {
  readonly data?: T;
  readonly error?: string;
  readonly loading: boolean;
  readonly reload: () => void;
}

/** GET an API path (undefined: nothing yet) and keep its answer, its error in French, and a reload. */
export function useApi<T>(path: string | undefined): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: !!path });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!path) return;
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    api<T>(path)
      .then((data) => current && setState({ data, loading: false }))
      .catch((error: unknown) => current && setState({ error: describe(error), loading: false }));
    return () => {
      current = false;
    };
  }, [path, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
}

export function describe(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.offline) return 'Pas de réseau : ces chiffres ne peuvent pas être chargés hors ligne.';
    if (error.status === 404)
      return "Ces données ne sont pas disponibles sur ce service (ou n'existent pas).";
    if (error.status === 401) return 'Votre session a expiré : reconnectez-vous.';
    if (error.status === 403) return "Ce compte n'a pas accès à ces données.";
    return `Le service a répondu une erreur (${error.status}).`;
  }
  return 'Une erreur inattendue est survenue.';
}
