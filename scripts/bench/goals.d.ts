// Types of goals.js for its spec (the bench itself is plain CommonJS run by node).
export interface Goal {
  goal: string;
  measured: string;
  /** undefined: this run does not judge it (a full run's duration). */
  met: boolean | undefined;
}

export interface LevelFigures {
  connections: number;
  projector: boolean;
  loader: 'lean' | 'autocannon';
  perSecond: number;
  p99: number;
}

export function goals(run: {
  quick: boolean;
  seconds: number;
  http: { rows: LevelFigures[] };
  issue: { vouchers: number; seconds: number };
  followers: { rebuilds: Record<string, { median: number }>; relay: { median: number } };
}): Goal[];
