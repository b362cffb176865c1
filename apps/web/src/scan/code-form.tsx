import { useState } from 'preact/hooks';
import { caretAfterMask, checkTypedCode, maskCode } from './code-mask';
import { parsePrice } from './price';

export type TypedScan =
  | {
      readonly kind: 'code';
      readonly code: string;
      readonly label: string;
      readonly servicePriceCents?: number;
    }
  | { readonly kind: 'qr'; readonly text: string; readonly servicePriceCents?: number };

/**
 * The printed code typed by hand (masked `XXXX-XXXX-XXXX-C`, check character verified as it is
 * typed, so a typo never leaves the phone), or a QR's text from an external reader (a "douchette"
 * types it like a keyboard), and the optional price of the session.
 */
export function CodeForm({
  busy,
  onSubmit,
  withPrice = true,
  submitLabel = 'Valider le chèque',
}: {
  busy: boolean;
  onSubmit: (scan: TypedScan) => void;
  /** Without a service the session's price may be typed; a service is priced in vouchers. */
  withPrice?: boolean;
  submitLabel?: string;
}) {
  const [code, setCode] = useState('');
  const [qrText, setQrText] = useState('');
  const [price, setPrice] = useState('');
  const [tried, setTried] = useState(false);

  const check = checkTypedCode(code);
  const priceCheck = parsePrice(withPrice ? price : '');
  const codeError =
    check.state === 'bad-check'
      ? 'Code invalide : le dernier caractère (caractère de contrôle) ne correspond pas. Vérifiez la saisie.'
      : check.state === 'malformed'
        ? 'Code invalide : vérifiez la saisie.'
        : tried && check.state !== 'ok' && qrText.trim() === ''
          ? 'Saisissez les 13 caractères du code imprimé sous le QR code.'
          : undefined;
  const codeHint =
    check.state === 'incomplete'
      ? `Encore ${check.missing} caractère${check.missing > 1 ? 's' : ''}.`
      : check.state === 'ok'
        ? 'Code complet, caractère de contrôle correct.'
        : '';

  function onCodeInput(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const caret = caretAfterMask(input.value, input.selectionStart ?? input.value.length);
    const masked = maskCode(input.value);
    input.value = masked;
    input.setSelectionRange(caret, caret);
    setCode(masked);
  }

  function submit(event: Event) {
    event.preventDefault();
    setTried(true);
    if (priceCheck.state === 'invalid') return;
    const servicePriceCents = priceCheck.state === 'ok' ? priceCheck.cents : undefined;
    if (qrText.trim() !== '') {
      onSubmit({ kind: 'qr', text: qrText.trim(), servicePriceCents });
      setQrText('');
      setTried(false);
      return;
    }
    if (check.state !== 'ok') return;
    onSubmit({ kind: 'code', code: check.code, label: maskCode(check.code), servicePriceCents });
    setCode('');
    setTried(false);
  }

  return (
    <form class="code-form" onSubmit={submit} noValidate>
      <div class="field">
        <label for="voucher-code">
          Code du chèque <span class="hint">(13 caractères, format XXXX-XXXX-XXXX-C)</span>
        </label>
        <input
          id="voucher-code"
          class="code-input"
          name="code"
          value={code}
          onInput={onCodeInput}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          inputMode="text"
          maxLength={16}
          aria-invalid={codeError ? 'true' : 'false'}
          aria-describedby="voucher-code-status"
        />
        <p
          id="voucher-code-status"
          class={codeError ? 'field-error' : check.state === 'ok' ? 'field-ok' : 'hint'}
          aria-live="polite"
        >
          {codeError ?? codeHint}
        </p>
      </div>
      {withPrice && (
        <div class="field">
          <label for="service-price">
            Prix de la séance en euros <span class="hint">(facultatif, par exemple 15 ou 12,50)</span>
          </label>
          <input
            id="service-price"
            name="price"
            value={price}
            onInput={(event) => setPrice((event.currentTarget as HTMLInputElement).value)}
            inputMode="decimal"
            autocomplete="off"
            aria-invalid={priceCheck.state === 'invalid' ? 'true' : 'false'}
            aria-describedby="service-price-status"
          />
          <p
            id="service-price-status"
            class={priceCheck.state === 'invalid' ? 'field-error' : 'hint'}
            aria-live="polite"
          >
            {priceCheck.state === 'invalid'
              ? 'Prix invalide : un montant en euros, par exemple 12,50.'
              : 'Le chèque paie au plus ce prix.'}
          </p>
        </div>
      )}
      <details class="reader">
        <summary>Lecteur externe ou texte du QR code</summary>
        <div class="field">
          <label for="qr-text">Contenu du QR code</label>
          <input
            id="qr-text"
            name="qr"
            value={qrText}
            onInput={(event) => setQrText((event.currentTarget as HTMLInputElement).value)}
            autocomplete="off"
            spellcheck={false}
          />
        </div>
      </details>
      <div class="button-row">
        <button type="submit" class="button" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
