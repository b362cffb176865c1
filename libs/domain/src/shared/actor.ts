/** Who sends a command: the JWT's `role` and `org` claims (DESIGN §2). */
export type Role = 'admin' | 'payer' | 'distributor' | 'venue';

export const ROLES: readonly Role[] = ['admin', 'payer', 'distributor', 'venue'];

export interface Actor {
  readonly role: Role;
  readonly org: string;
  readonly subject: string;
}
