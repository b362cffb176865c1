/** Spend classes for the map: five steps from the largest amount down; zero has its own colour. */
export const CLASS_COLOURS = ['#dce6f3', '#a9c1e2', '#6f96cc', '#3a68ad', '#17427f'] as const;
export const NO_SPEND_COLOUR = '#f4f5f7';

export interface SpendClass {
  readonly colour: string;
  readonly fromCents: number;
  readonly toCents: number;
}

/** Equal-width classes over (0, max]: amounts are few and readers compare them with the table anyway. */
export function spendClasses(maxCents: number): SpendClass[] {
  if (maxCents <= 0) return [];
  const width = Math.ceil(maxCents / CLASS_COLOURS.length);
  return CLASS_COLOURS.map((colour, index) => ({
    colour,
    fromCents: index === 0 ? 1 : index * width + 1,
    toCents: Math.min((index + 1) * width, maxCents),
  })).filter((spendClass) => spendClass.fromCents <= spendClass.toCents);
}

export function colourOf(cents: number, classes: readonly SpendClass[]): string {
  if (cents <= 0) return NO_SPEND_COLOUR;
  return (classes.find((spendClass) => cents <= spendClass.toCents) ?? classes[classes.length - 1]).colour;
}
