import { formatCents, formatCount, formatDate } from '../ui/format';
import type { ProgrammeSummary } from './types';

const FIGURES: [label: string, value: (p: ProgrammeSummary) => number, hint: string][] = [
  ['Budget', (p) => p.budgetCents, 'voté pour le programme'],
  ['Engagé', (p) => p.committedCents, 'valeur des carnets émis'],
  ['Distribué', (p) => p.distributedCents, 'carnets remis aux bénéficiaires'],
  ['Utilisé', (p) => p.redeemedCents, 'chèques présentés dans les lieux'],
  ['Remboursé', (p) => p.reimbursedCents, 'payé aux lieux'],
  ['Restant', (p) => p.remainingCents, 'budget non engagé'],
];

/** The programme's money at each step, as a list of figures (a table would be overkill for six). */
export function ProgrammeFigures({ programme }: { programme: ProgrammeSummary }) {
  return (
    <section class="card" aria-labelledby="figures-title">
      <h2 id="figures-title">{programme.name}</h2>
      <p class="muted">
        Chèques de {formatCents(programme.faceValueCents)}
        {programme.validUntil ? `, valables jusqu'au ${formatDate(programme.validUntil)}` : ''} ·{' '}
        {formatCount(programme.vouchersRedeemed)} chèque(s) utilisé(s) sur{' '}
        {formatCount(programme.vouchersDistributed)} distribué(s)
        {programme.lead ? '' : ' · programme cofinancé'}
      </p>
      <dl class="figures">
        {FIGURES.map(([label, value, hint]) => (
          <div class="figure" key={label} data-figure={label}>
            <dt>
              {label} <span class="hint">({hint})</span>
            </dt>
            <dd>{formatCents(value(programme))}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
