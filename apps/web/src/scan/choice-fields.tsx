import type { Ref } from 'preact';
import {
  locationLabel,
  locationRequired,
  serviceLabel,
  type ScanChoice,
  type VenueCatalogue,
} from './scan-choice';

/**
 * "Lieu" and "Prestation": where the session takes place (required when the venue has several
 * locations) and what it is (optional: without one, the voucher pays the typed price as before).
 * Both come from the copy of the venue kept on the phone, so they work offline.
 */
export function ChoiceFields({
  catalogue,
  choice,
  onChange,
  locked,
  locationError,
  locationRef,
}: {
  catalogue: VenueCatalogue;
  choice: ScanChoice;
  onChange: (choice: ScanChoice) => void;
  /** A session is being collected: its place and service stay as they are until it ends. */
  locked: boolean;
  locationError?: string;
  locationRef: Ref<HTMLSelectElement>;
}) {
  const { locations, services } = catalogue;
  const required = locationRequired(catalogue);
  const lockedHint = ' Terminez ou abandonnez la séance en cours pour en changer.';
  return (
    <div class="choice-fields">
      {locations.length > 0 && (
        <div class="field">
          <label for="scan-location">
            Lieu de la séance {required && <span class="hint">(obligatoire)</span>}
          </label>
          <select
            id="scan-location"
            ref={locationRef}
            value={choice.locationId ?? ''}
            required={required}
            aria-required={required ? 'true' : undefined}
            aria-invalid={locationError ? 'true' : 'false'}
            aria-describedby="scan-location-status"
            disabled={locked}
            onChange={(event) =>
              onChange({
                ...choice,
                locationId: (event.currentTarget as HTMLSelectElement).value || undefined,
              })
            }
          >
            {required && (
              <option value="" disabled>
                Choisissez un lieu
              </option>
            )}
            {locations.map((location) => (
              <option key={location.locationId} value={location.locationId}>
                {locationLabel(location)}
              </option>
            ))}
          </select>
          <p id="scan-location-status" class={locationError ? 'field-error' : 'hint'} aria-live="polite">
            {locationError ??
              `Gardé sur cet appareil pour les prochains chèques.${locked && services.length === 0 ? lockedHint : ''}`}
          </p>
        </div>
      )}
      {services.length > 0 && (
        <div class="field">
          <label for="scan-service">
            Prestation <span class="hint">(facultatif)</span>
          </label>
          <select
            id="scan-service"
            value={choice.serviceId ?? ''}
            aria-describedby="scan-service-hint"
            disabled={locked}
            onChange={(event) =>
              onChange({
                ...choice,
                serviceId: (event.currentTarget as HTMLSelectElement).value || undefined,
              })
            }
          >
            <option value="">Sans prestation (prix de la séance facultatif)</option>
            {services.map((service) => (
              <option key={service.serviceId} value={service.serviceId}>
                {serviceLabel(service)}
              </option>
            ))}
          </select>
          <p id="scan-service-hint" class="hint">
            Une prestation de plusieurs chèques se paie en une séance : scannez chaque chèque, elle est
            enregistrée au dernier.{locked && lockedHint}
          </p>
        </div>
      )}
    </div>
  );
}
