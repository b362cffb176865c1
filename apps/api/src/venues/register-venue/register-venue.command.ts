import type { Actor } from '@pass/domain';
import type { RegisterVenueRequest } from './register-venue.request';

export class RegisterVenueCommand {
  constructor(
    readonly actor: Actor,
    readonly request: RegisterVenueRequest,
  ) {}
}
