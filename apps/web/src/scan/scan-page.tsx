import { useEffect, useRef, useState } from 'preact/hooks';
import type { Actor } from '../auth/session';
import { formatDateTime } from '../ui/format';
import { useOnline } from '../ui/online';
import { Camera } from './camera';
import { ChoiceFields } from './choice-fields';
import { CodeForm, type TypedScan } from './code-form';
import { OutcomePanel, ScanState, type Outcome } from './outcome';
import { publishedKeys } from './published-keys';
import { verifyQr } from './qr-verify';
import { choiceProblem, reconcileChoice, type ScanChoice, type VenueCatalogue } from './scan-choice';
import { isSession, voucherCount } from './scan-record';
import { scanStore, type ScanInput, type ScanRecord } from './scan-store';
import {
  addVoucher,
  isComplete,
  isSessionService,
  progressText,
  removeVoucher,
  startSession,
  type SessionDraft,
} from './session-builder';
import { SessionPanel, type SessionNote } from './session-panel';
import { flushQueue, onScansChanged, submitScan } from './sync';
import { venueCatalogue } from './venue-catalogue';

const RETRY_MS = 30_000;

/** /app/scan: a venue records a voucher, with the network or without. */
export function ScanPage({ actor, signedIn }: { actor: Actor; signedIn: boolean }) {
  const online = useOnline();
  const [outcome, setOutcome] = useState<Outcome>();
  const [queue, setQueue] = useState<ScanRecord[]>([]);
  const [busy, setBusy] = useState(false);
  const [keysReady, setKeysReady] = useState<boolean>();
  const [catalogue, setCatalogue] = useState<VenueCatalogue>();
  const [choice, setChoice] = useState<ScanChoice>({});
  const [draft, setDraft] = useState<SessionDraft>();
  const [note, setNote] = useState<SessionNote>();
  const [locationError, setLocationError] = useState<string>();
  const locationSelect = useRef<HTMLSelectElement>(null);
  const sessionStatus = useRef<HTMLParagraphElement>(null);
  const choiceLoaded = useRef<string | undefined>(undefined);
  // The draft as of the last change, for scans that arrive before the page renders again.
  const latestDraft = useRef<SessionDraft | undefined>(undefined);
  const updateDraft = (next: SessionDraft | undefined) => {
    latestDraft.current = next;
    setDraft(next);
  };

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

  // The venue's locations and services: fetched when the network answers, else the phone's copy.
  // The choice remembered on the device is read once, then kept in line with the catalogue.
  useEffect(() => {
    let current = true;
    void (async () => {
      const fresh = await venueCatalogue(actor.org, online && signedIn);
      if (!current) return;
      const stored = choiceLoaded.current === actor.org ? undefined : await scanStore.choice(actor.org);
      if (!current) return;
      if (fresh) choiceLoaded.current = actor.org;
      setCatalogue(fresh);
      setChoice((previous) => reconcileChoice(fresh, stored ?? previous));
    })();
    return () => {
      current = false;
    };
  }, [actor.org, online, signedIn]);

  const service = catalogue?.services.find((candidate) => candidate.serviceId === choice.serviceId);
  const location = catalogue?.locations.find((candidate) => candidate.locationId === choice.locationId);
  // A service of several vouchers collects them into one session before recording it.
  const sessionOf = (current: SessionDraft | undefined) =>
    isSessionService(service)
      ? current?.service.serviceId === service.serviceId
        ? current
        : startSession(service)
      : undefined;
  const session = sessionOf(draft);

  function changeChoice(next: ScanChoice) {
    setChoice(next);
    updateDraft(undefined);
    setNote(undefined);
    if (next.locationId) setLocationError(undefined);
    void scanStore.saveChoice(actor.org, next);
  }

  /** A scan needs a location when the venue has several: say so where it is chosen. */
  function placeChosen(): boolean {
    const problem = choiceProblem(catalogue, choice);
    setLocationError(problem);
    if (problem) {
      setOutcome(undefined);
      locationSelect.current?.focus();
    }
    return !problem;
  }

  // On a phone the result is below the form: bring it into view (the live region announces it).
  useEffect(() => {
    if (outcome) document.getElementById('outcome-title')?.scrollIntoView({ block: 'nearest' });
  }, [outcome]);

  /** What every record of this page shares: its key, where and what, when, and how it is sent. */
  function recordBase() {
    return {
      id: crypto.randomUUID(),
      venueId: actor.org,
      ...(location ? { locationId: location.locationId, locationName: location.name } : {}),
      scannedAt: new Date().toISOString(),
      queued: !navigator.onLine || !signedIn,
      state: 'pending' as const,
      attempts: 0,
    };
  }

  async function accept(input: ScanInput, label: string, servicePriceCents?: number) {
    const current = sessionOf(latestDraft.current);
    if (current) return addToSession(current, input, label);
    const scan = await submitScan({
      ...recordBase(),
      input,
      label,
      ...(service
        ? { serviceId: service.serviceId, serviceTitle: service.title }
        : servicePriceCents === undefined
          ? {}
          : { servicePriceCents }),
    });
    setOutcome({ kind: 'scan', scan });
  }

  async function addToSession(current: SessionDraft, input: ScanInput, label: string) {
    const added = addVoucher(current, { input, label });
    if (!added.ok) {
      setNote({
        error: true,
        text:
          added.reason === 'duplicate'
            ? `Le chèque ${label} est déjà dans la séance.`
            : `La séance a déjà ses ${current.service.priceInVouchers} chèques.`,
      });
      return;
    }
    if (isComplete(added.draft)) return recordSession(added.draft);
    updateDraft(added.draft);
    setNote({ text: `Chèque ${label} ajouté : ${progressText(added.draft)}.` });
  }

  /** The whole session as one record, one Idempotency-Key: sent now, or queued like a scan. */
  async function recordSession(complete: SessionDraft) {
    const count = complete.vouchers.length;
    // Taken out of the draft at once: a scan arriving meanwhile starts the next session.
    updateDraft(undefined);
    setBusy(true);
    try {
      const scan = await submitScan({
        ...recordBase(),
        vouchers: complete.vouchers,
        label: `${complete.service.title} : ${count} chèque${count > 1 ? 's' : ''}`,
        serviceId: complete.service.serviceId,
        serviceTitle: complete.service.title,
      });
      setNote(undefined);
      setOutcome({ kind: 'scan', scan });
    } finally {
      setBusy(false);
    }
  }

  function removeFromSession(label: string) {
    const current = sessionOf(latestDraft.current);
    const index = current?.vouchers.findIndex((voucher) => voucher.label === label) ?? -1;
    if (!current || index < 0) return;
    const next = removeVoucher(current, index);
    updateDraft(next);
    setNote({ text: `Chèque ${label} retiré : ${progressText(next)}.` });
    // The removed button is gone: the focus goes to the announcement, next to the list.
    sessionStatus.current?.focus();
  }

  function abandonSession() {
    updateDraft(undefined);
    setNote({ text: 'Séance abandonnée : aucun chèque n’a été enregistré.' });
    sessionStatus.current?.focus();
  }

  async function onQr(text: string, servicePriceCents?: number) {
    if (!placeChosen()) return;
    setBusy(true);
    if (!session) setOutcome(undefined);
    try {
      let check = await verifyQr(text, await publishedKeys());
      if (!check.ok && check.reason === 'unknown-key' && navigator.onLine)
        check = await verifyQr(text, await publishedKeys(true));
      if (check.ok) return await accept({ qr: text.trim() }, check.voucherId, servicePriceCents);
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
    if (!placeChosen()) return;
    setBusy(true);
    if (!session) setOutcome(undefined);
    try {
      await accept({ code: scan.code }, scan.label, scan.servicePriceCents);
    } finally {
      setBusy(false);
    }
  }

  const pending = queue
    .filter((scan) => scan.state === 'pending')
    .reduce((sum, scan) => sum + voucherCount(scan), 0);
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
          {catalogue && (catalogue.locations.length > 0 || catalogue.services.length > 0) && (
            <ChoiceFields
              catalogue={catalogue}
              choice={choice}
              onChange={changeChoice}
              locked={(session?.vouchers.length ?? 0) > 0}
              locationError={locationError}
              locationRef={locationSelect}
            />
          )}
          <Camera onRead={(text) => void onQr(text)} />
          <CodeForm
            busy={busy}
            onSubmit={(scan) => void onTyped(scan)}
            withPrice={!service}
            submitLabel={session ? 'Ajouter le chèque à la séance' : 'Valider le chèque'}
          />
          {session && (
            <SessionPanel
              draft={session}
              note={note}
              busy={busy}
              onRemove={removeFromSession}
              onValidate={() => {
                const current = sessionOf(latestDraft.current);
                if (current && current.vouchers.length > 0) void recordSession(current);
              }}
              onAbandon={abandonSession}
              statusRef={sessionStatus}
            />
          )}
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
                  {isSession(scan) && (
                    <span class="muted">{scan.vouchers.map((voucher) => voucher.label).join(', ')}</span>
                  )}
                  {scan.locationName && <span class="muted">à {scan.locationName}</span>}
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
