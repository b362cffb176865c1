import type { ComponentChildren } from 'preact';
import type { Loaded } from './use-api';

/** A block that reads "chargement", its error (announced), or its content. */
export function LoadedBlock<T>({
  loaded,
  children,
}: {
  loaded: Loaded<T>;
  children: (data: T) => ComponentChildren;
}) {
  if (loaded.error)
    return (
      <p class="notice notice--error" role="alert">
        {loaded.error}
      </p>
    );
  if (loaded.data === undefined) return <p class="muted">Chargement…</p>;
  return <>{children(loaded.data)}</>;
}
