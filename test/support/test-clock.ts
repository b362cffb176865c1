import { Clock } from '../../apps/api/src/infrastructure/clock';

/** Real time unless a test sets it: expiry and certification periods without sleeping. */
export class TestClock extends Clock {
  private fixed?: string;

  now(): string {
    return this.fixed ?? new Date().toISOString();
  }

  set(instant: string | undefined): void {
    this.fixed = instant;
  }
}
