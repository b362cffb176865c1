export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 250, maxMs: 15_000 };

/**
 * The wait before retry number `attempt` (0 for the first): doubling from `initialMs`, capped at
 * `maxMs`, with jitter in [50 %, 100 %] so that relays restarted together do not retry in step.
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exponential = policy.initialMs * 2 ** Math.min(Math.max(attempt, 0), 30);
  const capped = Math.min(policy.maxMs, exponential);
  return Math.round(capped * (0.5 + random() / 2));
}
