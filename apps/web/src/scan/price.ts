export type PriceCheck =
  | { readonly state: 'empty' }
  | { readonly state: 'invalid' }
  | { readonly state: 'ok'; readonly cents: number };

/** "15", "12,50", "12.5 €": euros as people type them, to integer cents. */
export function parsePrice(input: string): PriceCheck {
  const text = input.replace(/\s|€/g, '');
  if (text === '') return { state: 'empty' };
  const match = /^(\d{1,6})(?:[.,](\d{1,2}))?$/.exec(text);
  if (!match) return { state: 'invalid' };
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return cents > 0 ? { state: 'ok', cents } : { state: 'invalid' };
}
