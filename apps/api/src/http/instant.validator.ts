import { isISO8601, ValidateBy, type ValidationOptions } from 'class-validator';

/** Calendar dates, with an optional time and offset: what `Date` reads the same everywhere. */
const CALENDAR_INSTANT =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * An ISO-8601 instant the service can compute with. ISO-8601 also has week dates (`2026-W01-1`)
 * and ordinal dates (`2026-001`), which `IsISO8601` accepts and `new Date()` cannot read: they
 * would reach the handlers as Invalid Date and end in a 500 instead of a 400.
 */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          CALENDAR_INSTANT.test(value) &&
          isISO8601(value, { strict: true }) &&
          Number.isFinite(Date.parse(value)),
        defaultMessage: (args) =>
          `${args?.property ?? 'the value'} must be an ISO-8601 date or instant (e.g. 2026-06-01T10:00:00Z)`,
      },
    },
    options,
  );
}
