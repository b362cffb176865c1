import type { Actor } from '../shared/actor';
import { domainError, type DomainError } from '../shared/errors';
import type { Decision } from '../shared/event';
import { FULL_SHARE_BPS, isCents, type Cents, type PayerShare } from '../shared/money';
import { isEmptyTerritory, type Territory } from '../shared/territory';
import { isBefore, toMillis, type Instant } from '../shared/time';
import { DEFAULT_GRACE_PERIOD_DAYS } from '../shared/validity';
import { isServiceCategory, SERVICE_CATEGORIES, type ServiceCategory } from '../venue/service-categories';
import type { ProgrammeOpened } from './programme.events';
import type { ProgrammeState } from './programme.state';

export interface OpenProgramme {
  readonly actor: Actor;
  readonly programmeId: string;
  readonly name: string;
  readonly territory: Territory;
  readonly faceValueCents: number;
  readonly budgetCents: number;
  readonly validFrom: Instant;
  readonly validUntil: Instant;
  /** Absent: the payer funds the whole programme alone. */
  readonly coFunders?: readonly PayerShare[];
  /** Days after validUntil during which scans are still accepted (default 31). */
  readonly gracePeriodDays?: number;
  readonly approvedVenuesOnly?: boolean;
  readonly serviceCategories?: readonly string[];
  readonly now: Instant;
}

export function decideOpenProgramme(
  command: OpenProgramme,
  state: ProgrammeState,
): Decision<ProgrammeOpened> {
  if (command.actor.role !== 'payer') return domainError('actor.forbidden', 'only a payer opens a programme');
  if (state.status !== 'none') return domainError('programme.invalid', 'this programme id is already taken');
  const invalid = validateProgramme(command);
  if (invalid) return invalid;
  const coFunders = command.coFunders ?? [{ payerId: command.actor.org, shareBps: FULL_SHARE_BPS }];
  return [
    {
      type: 'ProgrammeOpened.v1',
      data: {
        programmeId: command.programmeId,
        payerId: command.actor.org,
        name: command.name.trim(),
        territory: {
          departements: [...command.territory.departements],
          communes: [...command.territory.communes],
        },
        faceValueCents: command.faceValueCents as Cents,
        budgetCents: command.budgetCents as Cents,
        validFrom: command.validFrom,
        validUntil: command.validUntil,
        coFunders: coFunders.map((share) => ({ payerId: share.payerId, shareBps: share.shareBps })),
        gracePeriodDays: command.gracePeriodDays ?? DEFAULT_GRACE_PERIOD_DAYS,
        ...(command.approvedVenuesOnly ? { approvedVenuesOnly: true } : {}),
        ...(command.serviceCategories
          ? { serviceCategories: [...new Set(command.serviceCategories as ServiceCategory[])] }
          : {}),
        openedAt: command.now,
      },
    },
  ];
}

function validateProgramme(command: OpenProgramme): DomainError | undefined {
  const invalid = (message: string) => domainError('programme.invalid', message);
  if (command.name.trim().length === 0) return invalid('the name is empty');
  if (!isCents(command.faceValueCents) || command.faceValueCents === 0)
    return invalid('faceValueCents must be a positive integer');
  if (!isCents(command.budgetCents) || command.budgetCents < command.faceValueCents)
    return invalid('budgetCents must be an integer of at least one face value');
  if (Number.isNaN(toMillis(command.validFrom)) || Number.isNaN(toMillis(command.validUntil)))
    return invalid('validFrom and validUntil must be ISO-8601 instants');
  if (!isBefore(command.validFrom, command.validUntil))
    return invalid('validFrom must come before validUntil');
  const grace = command.gracePeriodDays;
  if (grace !== undefined && !(Number.isSafeInteger(grace) && grace >= 0 && grace <= 366))
    return invalid('gracePeriodDays must be a whole number of days from 0 to 366');
  if (isEmptyTerritory(command.territory))
    return invalid('the territory names no département and no commune');
  const categories = command.serviceCategories;
  if (categories && (categories.length === 0 || !categories.every(isServiceCategory)))
    return invalid(`serviceCategories must name at least one of: ${SERVICE_CATEGORIES.join(', ')}`);
  if (command.coFunders) return validateCoFunders(command.coFunders, command.actor.org);
  return undefined;
}

function validateCoFunders(coFunders: readonly PayerShare[], leadPayerId: string): DomainError | undefined {
  const invalid = (message: string) => domainError('programme.invalid', message);
  const payerIds = new Set(coFunders.map((share) => share.payerId));
  if (payerIds.size !== coFunders.length) return invalid('a co-funder appears twice');
  if (!payerIds.has(leadPayerId)) return invalid('the opening payer must be one of the co-funders');
  if (coFunders.some((share) => !Number.isSafeInteger(share.shareBps) || share.shareBps <= 0))
    return invalid('every shareBps must be a positive integer');
  const total = coFunders.reduce((sum, share) => sum + share.shareBps, 0);
  if (total !== FULL_SHARE_BPS)
    return invalid(`co-funder shares add up to ${total} bps, not ${FULL_SHARE_BPS}`);
  return undefined;
}
