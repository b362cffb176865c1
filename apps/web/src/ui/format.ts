const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const integers = new Intl.NumberFormat('fr-FR');
const dateTime = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});
const date = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

/** Amounts travel as integer cents; people read euros. Narrow spaces become plain ones for screen readers. */
export function formatCents(cents: number): string {
  return euros.format(cents / 100).replace(/[\u202f\u00a0]/g, ' ');
}

export function formatCount(value: number): string {
  return integers.format(value).replace(/[\u202f\u00a0]/g, ' ');
}

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso)).replace(' ', ' à ');
}

export function formatDate(iso: string): string {
  return date.format(new Date(iso));
}
