import { formatCents } from '../ui/format';
import type { ScanRecord } from './scan-store';

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

export function ScanState({ scan }: { scan: ScanRecord }) {
  if (scan.state === 'accepted')
    return <span class="badge badge--ok">Accepté, {formatCents(scan.amountCents ?? 0)}</span>;
  if (scan.state === 'refused') return <span class="badge badge--ko">Refusé : {scan.refusal}</span>;
  return <span class="badge badge--wait">En attente d'envoi</span>;
}
