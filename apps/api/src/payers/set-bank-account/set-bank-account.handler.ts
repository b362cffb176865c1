import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideSetPayerBankAccount, evolvePayer, initialPayerState, streams, type Actor } from '@pass/domain';
import type { EventStore } from '@pass/event-store';
import { normalizedIban } from '../../bank-accounts/bank-account.validators';
import { BankDetailsCipher } from '../../bank-accounts/bank-details-cipher';
import { decideAndAppend } from '../../infrastructure/aggregate-stream';
import { Clock } from '../../infrastructure/clock';
import { EVENT_STORE } from '../../infrastructure/event-store.module';
import type { SetPayerBankAccountRequest } from './set-bank-account.request';

export class SetPayerBankAccountCommand {
  constructor(
    readonly actor: Actor,
    readonly payerId: string,
    readonly request: SetPayerBankAccountRequest,
  ) {}
}

@CommandHandler(SetPayerBankAccountCommand)
export class SetPayerBankAccountHandler implements ICommandHandler<SetPayerBankAccountCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly cipher: BankDetailsCipher,
  ) {}

  async execute({ actor, payerId, request }: SetPayerBankAccountCommand) {
    const streamId = streams.payer(payerId);
    const account = this.cipher.seal(
      {
        iban: normalizedIban(request.iban),
        bic: request.bic?.trim().toUpperCase(),
        holder: request.name.trim(),
      },
      streamId,
    );
    const now = this.clock.now();
    await decideAndAppend(this.store, {
      streamId,
      evolve: evolvePayer,
      initial: initialPayerState,
      decide: (state) => decideSetPayerBankAccount({ actor, payerId, account, now }, state),
      metadata: { by: actor.subject },
    });
    return { payerId, ibanLast4: account.ibanLast4 };
  }
}
