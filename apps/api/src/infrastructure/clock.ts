/** Time enters the domain through commands; the clock is the one place that reads it. */
export abstract class Clock {
  abstract now(): string;
}

export class SystemClock extends Clock {
  now(): string {
    return new Date().toISOString();
  }
}
