import { Inject, Injectable } from '@nestjs/common';
import type { Actor, Decision } from '@pass/domain';
import {
  decideRemovePayerLogo,
  decideSetPayerDisplayName,
  decideSetPayerLogo,
} from '@pass/domain/branding/payer-branding.decide';
import {
  payerBrandingStream,
  type PayerBrandingEvent,
  type PayerLogoMediaType,
} from '@pass/domain/branding/payer-branding.events';
import {
  evolvePayerBranding,
  initialPayerBrandingState,
  type PayerBrandingState,
} from '@pass/domain/branding/payer-branding.state';
import type { EventStore } from '@pass/event-store';
import { decideAndAppend, loadAggregate } from '../infrastructure/aggregate-stream';
import { Clock } from '../infrastructure/clock';
import { EVENT_STORE } from '../infrastructure/event-store.module';
import { ProblemException } from '../problems/problem.exception';

export interface PayerBrandingView {
  readonly payerId: string;
  readonly displayName: string | null;
  readonly logo: {
    readonly mediaType: PayerLogoMediaType;
    readonly bytes: number;
    readonly url: string;
  } | null;
}

/** A payer's display name and logo: its own stream, read whole (two small events at most matter). */
@Injectable()
export class PayerBrandingService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  /** For the printed carnet: no access check, the caller already checked the book's payer. */
  async stateOf(payerId: string): Promise<PayerBrandingState> {
    const { state } = await loadAggregate(
      this.store,
      payerBrandingStream(payerId),
      evolvePayerBranding,
      initialPayerBrandingState,
    );
    return state;
  }

  async view(actor: Actor, payerId: string): Promise<PayerBrandingView> {
    this.mayRead(actor, payerId);
    return toView(payerId, await this.stateOf(payerId));
  }

  async logo(actor: Actor, payerId: string): Promise<{ mediaType: string; content: Buffer }> {
    this.mayRead(actor, payerId);
    const { logo } = await this.stateOf(payerId);
    if (!logo) throw new ProblemException('route.not-found', `payer ${payerId} has no logo`);
    return { mediaType: logo.mediaType, content: Buffer.from(logo.contentBase64, 'base64') };
  }

  async setDisplayName(actor: Actor, payerId: string, displayName: string): Promise<PayerBrandingView> {
    const now = this.clock.now();
    await this.append(
      actor,
      (state) => decideSetPayerDisplayName({ actor, payerId, displayName, now }, state),
      payerId,
    );
    return toView(payerId, await this.stateOf(payerId));
  }

  async setLogo(actor: Actor, payerId: string, mediaType: PayerLogoMediaType, content: Buffer) {
    const now = this.clock.now();
    const contentBase64 = content.toString('base64');
    await this.append(
      actor,
      (state) =>
        decideSetPayerLogo({ actor, payerId, mediaType, contentBase64, bytes: content.length, now }, state),
      payerId,
    );
    return toView(payerId, await this.stateOf(payerId));
  }

  async removeLogo(actor: Actor, payerId: string): Promise<PayerBrandingView> {
    const now = this.clock.now();
    await this.append(actor, (state) => decideRemovePayerLogo({ actor, payerId, now }, state), payerId);
    return toView(payerId, await this.stateOf(payerId));
  }

  private append(
    actor: Actor,
    decide: (state: PayerBrandingState) => Decision<PayerBrandingEvent>,
    payerId: string,
  ) {
    return decideAndAppend(this.store, {
      streamId: payerBrandingStream(payerId),
      evolve: evolvePayerBranding,
      initial: initialPayerBrandingState,
      decide,
      metadata: { by: actor.subject },
    });
  }

  /** Like the payer's other resources: itself and the operator; another payer's SIREN does not exist. */
  private mayRead(actor: Actor, payerId: string): void {
    if (actor.role === 'admin' || (actor.role === 'payer' && actor.org === payerId)) return;
    throw new ProblemException('payer.not-found', `no payer ${payerId}`);
  }
}

function toView(payerId: string, state: PayerBrandingState): PayerBrandingView {
  return {
    payerId,
    displayName: state.displayName ?? null,
    logo: state.logo
      ? { mediaType: state.logo.mediaType, bytes: state.logo.bytes, url: `/v1/payers/${payerId}/logo` }
      : null,
  };
}
