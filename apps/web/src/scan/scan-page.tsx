import { useEffect, useState } from 'preact/hooks';
import type { Actor } from '../auth/session';
import { formatDateTime } from '../ui/format';
import { useOnline } from '../ui/online';
import { Camera } from './camera';
import { CodeForm, type TypedScan } from './code-form';
import { OutcomePanel, ScanState, type Outcome } from './outcome';
import { publishedKeys } from './published-keys';
import { verifyQr } from './qr-verify';
import { scanStore, type ScanInput, type ScanRecord } from './scan-store';
import { flushQueue, onScansChanged, submitScan } from './sync';

const RETRY_MS = 30_000;

/** /app/scan: a venue records a voucher, with the network or without. */
export function ScanPage({ actor, signedIn }: { actor: Actor; signedIn: boolean }) {
  const online = useOnline();
  const [outcome, setOutcome] = useState<Outcome>();
  const [queue, setQueue] = useState<ScanRecord[]>([]);
  const [busy, setBusy] = useState(false);
  const [keysReady, setKeysReady] = useState<boolean>();

  const refresh = () => scanStore.list(actor.org).then((all) => setQueue(all.filter((scan) => scan.queued)));
  useEffect(() => {
    void publishedKeys(navigator.onLine).then((keys) => setKeysReady(keys.length > 0));
    void refresh();
    return onScansChanged(() => void refresh());
  }, [actor.org]);
  // Back online, and every half minute while something waits: send the queue.
  useEffect(() => {
    if (!online || !signedIn) return;
    void flushQueue(actor.org);
    const timer = setInterval(() => void flushQueue(actor.org), RETRY_MS);
    return () => clearInterval(timer);
  }, [online, signedIn, actor.org]);

  // On a phone the result is below the form: bring it into view (the live region announces it).
  useEffect(() => {
    if (outcome) document.getElementById('outcome-title')?.scrollIntoView({ block: 'nearest' });
  }, [outcome]);

  async function record(input: ScanInput, label: string, servicePriceCents?: number) {
    const scan = await submitScan({
      id: crypto.randomUUID(),
      venueId: actor.org,
      input,
      label,
      servicePriceCents,
      scannedAt: new Date().toISOString(),
      queued: !navigator.onLine || !signedIn,
      state: 'pending',
      attempts: 0,
    });
    setOutcome({ kind: 'scan', scan });
  }

  async function onQr(text: string, servicePriceCents?: number) {
    setBusy(true);
    setOutcome(undefined);
    try {
      let check = await verifyQr(text, await publishedKeys());
      if (!check.ok && check.reason === 'unknown-key' && navigator.onLine)
        check = await verifyQr(text, await publishedKeys(true));
      if (check.ok) return await record({ qr: text.trim() }, check.voucherId, servicePriceCents);
      const noKeys = check.reason === 'unknown-key' && (await publishedKeys()).length === 0;
      setOutcome({
        kind: 'refused-here',
        reason: noKeys
          ? 'clés de vérification absentes, connectez une fois l’appareil au réseau'
          : 'code invalide',
        label:
          check.reason === 'malformed'
            ? "Ce QR code n'est pas un chèque Pass numérique."
            : 'Signature non reconnue.',
      });
    } finally {
      setBusy(false);
    }
  }

  async function onTyped(scan: TypedScan) {
    if (scan.kind === 'qr') return onQr(scan.text, scan.servicePriceCents);
    setBusy(true);
    setOutcome(undefined);
    try {
      await record({ code: scan.code }, scan.label, scan.servicePriceCents);
    } finally {
      setBusy(false);
    }
  }

  const pending = queue.filter((scan) => scan.state === 'pending').length;
  return (
    <>
      <p class={`connection ${online ? 'connection--on' : 'connection--off'}`} role="status">
        {online
          ? 'En ligne : chaque chèque est vérifié tout de suite.'
          : 'Hors ligne : les chèques dont la signature est valide sont gardés sur cet appareil et envoyés au retour du réseau.'}
      </p>
      {!signedIn && (
        <p class="notice notice--warning">
          Vous n'êtes pas connecté : les chèques sont gardés sur cet appareil et seront envoyés après votre
          reconnexion, une fois le réseau revenu.
        </p>
      )}
      {keysReady !== undefined && (
        <p class="muted" data-testid="offline-readiness">
          {keysReady
            ? 'Vérification hors ligne prête : les QR codes sont contrôlés même sans réseau.'
            : 'Vérification hors ligne indisponible : ouvrez cette page une fois avec du réseau.'}
        </p>
      )}
      <div class="scan-layout">
        <section class="card" aria-labelledby="scan-title">
          <h2 id="scan-title">Enregistrer un chèque</h2>
          <Camera onRead={(text) => void onQr(text)} />
          <CodeForm busy={busy} onSubmit={(scan) => void onTyped(scan)} />
        </section>
        <section class="card outcome-card" aria-labelledby="outcome-title">
          <h2 id="outcome-title">Résultat</h2>
          <OutcomePanel outcome={outcome} />
          {!outcome && <p class="muted">Le résultat du dernier chèque s'affiche ici.</p>}
        </section>
      </div>
      <section class="card" aria-labelledby="queue-title">
        <h2 id="queue-title">File d'attente hors ligne</h2>
        {queue.length === 0 ? (
          <p class="muted">Aucun chèque enregistré hors ligne.</p>
        ) : (
          <>
            <p>
              {pending === 0
                ? 'Tous les chèques enregistrés hors ligne ont été envoyés.'
                : `${pending} chèque${pending > 1 ? 's' : ''} en attente d'envoi.`}
            </p>
            {online && signedIn && pending > 0 && (
              <button
                type="button"
                class="button button--secondary"
                onClick={() => void flushQueue(actor.org)}
              >
                Envoyer maintenant
              </button>
            )}
            <ul class="queue" aria-label="Chèques enregistrés hors ligne">
              {queue.map((scan) => (
                <li key={scan.id} class="queue__item" data-state={scan.state}>
                  <span class="queue__label">{scan.label}</span>
                  <span class="muted">scanné le {formatDateTime(scan.scannedAt)}</span>
                  <ScanState scan={scan} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
