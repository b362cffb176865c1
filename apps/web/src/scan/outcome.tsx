import { formatCents } from '../ui/format';
import { isSession, type ScanRecord, type SessionScanRecord } from './scan-record';

export type Outcome =
  | { readonly kind: 'scan'; readonly scan: ScanRecord }
  | { readonly kind: 'refused-here'; readonly reason: string; readonly label?: string };

/** The answer the person at the counter reads, big, and that screen readers announce. */
export function OutcomePanel({ outcome }: { outcome: Outcome | undefined }) {
  return (
    <div class="outcome-region" role="status" aria-live="polite" aria-atomic="true">
      {outcome && <OutcomeBody outcome={outcome} />}
    </div>
  );
}

function OutcomeBody({ outcome }: { outcome: Outcome }) {
  if (outcome.kind === 'refused-here')
    return (
      <div class="outcome outcome--ko" data-outcome="refused">
        <p class="outcome__title">Chèque refusé : {outcome.reason}</p>
        {outcome.label && <p class="outcome__detail">{outcome.label}</p>}
      </div>
    );
  const { scan } = outcome;
  if (isSession(scan)) return <SessionOutcome scan={scan} />;
  if (scan.state === 'accepted')
    return (
      <div class="outcome outcome--ok" data-outcome="accepted">
        <p class="outcome__title">Chèque accepté : {formatCents(scan.amountCents ?? 0)}</p>
        <p class="outcome__detail">{scan.label}</p>
      </div>
    );
  if (scan.state === 'refused')
    return (
      <div class="outcome outcome--ko" data-outcome="refused">
        <p class="outcome__title">Chèque refusé : {scan.refusal}</p>
        <p class="outcome__detail">{scan.label}</p>
      </div>
    );
  return (
    <div class="outcome outcome--wait" data-outcome="queued">
      <p class="outcome__title">Chèque mis en attente</p>
      <p class="outcome__detail">
        {scan.label} : pas de réseau, il sera envoyé automatiquement dès le retour de la connexion.
      </p>
    </div>
  );
}

/** A session: each voucher's amount and the total, or the refusal (then no voucher was used). */
function SessionOutcome({ scan }: { scan: SessionScanRecord }) {
  const count = scan.vouchers.length;
  const vouchers = `${count} chèque${count > 1 ? 's' : ''}`;
  if (scan.state === 'accepted')
    return (
      <div class="outcome outcome--ok" data-outcome="accepted">
        <p class="outcome__title">Séance acceptée : {formatCents(scan.amountCents ?? 0)}</p>
        <p class="outcome__detail">
          {scan.serviceTitle ?? 'Prestation'}, {vouchers}
        </p>
        <SessionAmounts scan={scan} />
      </div>
    );
  if (scan.state === 'refused')
    return (
      <div class="outcome outcome--ko" data-outcome="refused">
        <p class="outcome__title">Séance refusée : {scan.refusal}</p>
        <p class="outcome__detail">
          Aucun chèque n'a été utilisé ({scan.vouchers.map((voucher) => voucher.label).join(', ')}).
        </p>
      </div>
    );
  return (
    <div class="outcome outcome--wait" data-outcome="queued">
      <p class="outcome__title">Séance mise en attente</p>
      <p class="outcome__detail">
        {scan.serviceTitle ?? 'Prestation'}, {vouchers} : pas de réseau, elle sera envoyée automatiquement dès
        le retour de la connexion.
      </p>
    </div>
  );
}

/** Each voucher's amount as the API answered it, and the total. */
export function SessionAmounts({ scan }: { scan: SessionScanRecord }) {
  if (!scan.redemptions) return null;
  return (
    <ul class="outcome__amounts" aria-label="Montant de chaque chèque">
      {scan.redemptions.map((redemption) => (
        <li key={redemption.voucherId}>
          <span class="queue__label">{redemption.voucherId}</span> : {formatCents(redemption.amountCents)}
        </li>
      ))}
      <li class="outcome__total">Total : {formatCents(scan.amountCents ?? 0)}</li>
    </ul>
  );
}

export function ScanState({ scan }: { scan: ScanRecord }) {
  if (scan.state === 'accepted')
    return <span class="badge badge--ok">Accepté, {formatCents(scan.amountCents ?? 0)}</span>;
  if (scan.state === 'refused') return <span class="badge badge--ko">Refusé : {scan.refusal}</span>;
  return <span class="badge badge--wait">En attente d'envoi</span>;
}
