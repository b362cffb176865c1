import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideSetVenueBankAccount, evolveVenue, initialVenueState, streams, type Actor } from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { normalizedIban } from '../../bank-accounts/bank-account.validators';
import { BankDetailsCipher } from '../../bank-accounts/bank-details-cipher';
import { decideAndAppend } from '../../infrastructure/aggregate-stream';
import { Clock } from '../../infrastructure/clock';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import type { SetVenueBankAccountRequest } from './set-bank-account.request';

export class SetVenueBankAccountCommand {
  constructor(
    readonly actor: Actor,
    readonly venueId: string,
    readonly request: SetVenueBankAccountRequest,
  ) {}
}

@CommandHandler(SetVenueBankAccountCommand)
export class SetVenueBankAccountHandler implements ICommandHandler<SetVenueBankAccountCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly cipher: BankDetailsCipher,
  ) {}

  async execute({ actor, venueId, request }: SetVenueBankAccountCommand) {
    const streamId = streams.venue(venueId);
    const account = this.cipher.seal(
      {
        iban: normalizedIban(request.iban),
        bic: request.bic?.trim().toUpperCase(),
        holder: request.holder.trim(),
      },
      streamId,
    );
    const now = this.clock.now();
    await decideAndAppend(this.store, {
      streamId,
      evolve: evolveVenue,
      initial: initialVenueState,
      decide: (state) => decideSetVenueBankAccount({ actor, venueId, account, now }, state),
      metadata: { by: actor.subject },
    });
    return { venueId, ibanLast4: account.ibanLast4 };
  }
}
