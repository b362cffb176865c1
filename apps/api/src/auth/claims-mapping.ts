import { ROLES, type Actor, type Role } from '@pass/domain';
import type { ClaimMapping } from '../config/web-config';

/**
 * An identity provider names things its own way (ProConnect carries a SIRET, Keycloak nests roles
 * under realm_access): OIDC_ROLE_CLAIM and OIDC_ORG_CLAIM say where role and org are, as dotted
 * paths. A role claim may be a list; its first role this service knows wins.
 */
export function actorFromClaims(payload: Record<string, unknown>, mapping: ClaimMapping): Actor | undefined {
  const role = roleOf(claimAt(payload, mapping.roleClaim));
  const rawOrg = claimAt(payload, mapping.orgClaim);
  const org = typeof rawOrg === 'number' && Number.isSafeInteger(rawOrg) ? String(rawOrg) : rawOrg;
  const subject = payload.sub;
  if (!role || typeof org !== 'string' || org.length === 0 || typeof subject !== 'string') return undefined;
  return { role, org, subject };
}

function claimAt(payload: Record<string, unknown>, path: string): unknown {
  if (path in payload) return payload[path];
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function roleOf(value: unknown): Role | undefined {
  const candidates = Array.isArray(value) ? value : [value];
  return candidates.find((candidate): candidate is Role => ROLES.includes(candidate as Role));
}
