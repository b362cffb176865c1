import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * The phone's camera reading QR codes (@zxing/browser, loaded on first use). Stops after each
 * read so that one voucher is not scanned twice while still in front of the lens.
 */
export function Camera({ onRead }: { onRead: (text: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!open || !video.current) return;
    let stop: (() => void) | undefined;
    let cancelled = false;
    (async () => {
      try {
        const { BrowserQRCodeReader } = await import('@zxing/browser');
        const controls = await new BrowserQRCodeReader().decodeFromConstraints(
          { video: { facingMode: 'environment' } },
          video.current as HTMLVideoElement,
          (result, _error, controls) => {
            if (!result) return;
            controls.stop();
            setOpen(false);
            onRead(result.getText());
          },
        );
        stop = () => controls.stop();
        if (cancelled) stop();
      } catch {
        setError("La caméra n'est pas disponible : autorisez-la dans le navigateur, ou saisissez le code.");
        setOpen(false);
      }
    })();
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [open]);

  return (
    <div class="camera">
      <div class="button-row">
        <button
          type="button"
          class="button"
          aria-pressed={open}
          onClick={() => (setError(undefined), setOpen(!open))}
        >
          {open ? 'Fermer la caméra' : 'Scanner avec la caméra'}
        </button>
      </div>
      {open && <video ref={video} class="camera__video" muted playsInline aria-label="Image de la caméra" />}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
