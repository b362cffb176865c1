import type { Ref } from 'preact';
import { canValidateEarly, progressText, type SessionDraft } from './session-builder';

export interface SessionNote {
  readonly text: string;
  readonly error?: boolean;
}

/**
 * The session being collected: how many vouchers of the price are in ("2 chèques sur 3"), each
 * with a button to take it out, and, unless the tariff is regulated, recording it with fewer.
 * Its status line is a live region: each addition, refusal or removal is announced.
 */
export function SessionPanel({
  draft,
  note,
  busy,
  onRemove,
  onValidate,
  onAbandon,
  statusRef,
}: {
  draft: SessionDraft;
  note?: SessionNote;
  busy: boolean;
  /** By label: unique within a session. */
  onRemove: (label: string) => void;
  onValidate: () => void;
  onAbandon: () => void;
  statusRef: Ref<HTMLParagraphElement>;
}) {
  const { service, vouchers } = draft;
  const count = vouchers.length;
  return (
    <section class="session" aria-labelledby="session-title">
      <h3 id="session-title">Séance en cours : {service.title}</h3>
      <p class="session__progress" data-testid="session-progress">
        <strong>{progressText(draft)}</strong>
        {service.regulatedTariff
          ? ` (tarif réglementé : exactement ${service.priceInVouchers} chèques)`
          : ` (au plus ${service.priceInVouchers})`}
      </p>
      <p
        ref={statusRef}
        tabIndex={-1}
        class={note?.error ? 'field-error' : 'hint'}
        role="status"
        aria-live="polite"
        aria-atomic="true"
      >
        {note?.text ?? ''}
      </p>
      {count > 0 && (
        <ul class="session__list" aria-label="Chèques de la séance">
          {vouchers.map((voucher) => (
            <li key={voucher.label} class="session__item">
              <span class="queue__label">{voucher.label}</span>
              <button
                type="button"
                class="button button--secondary button--small"
                aria-label={`Retirer le chèque ${voucher.label}`}
                disabled={busy}
                onClick={() => onRemove(voucher.label)}
              >
                Retirer
              </button>
            </li>
          ))}
        </ul>
      )}
      {count > 0 && (
        <div class="button-row">
          {canValidateEarly(draft) && (
            <button type="button" class="button" disabled={busy} onClick={onValidate}>
              Valider avec {count} chèque{count > 1 ? 's' : ''}
            </button>
          )}
          <button type="button" class="button button--secondary" disabled={busy} onClick={onAbandon}>
            Abandonner la séance
          </button>
        </div>
      )}
    </section>
  );
}
