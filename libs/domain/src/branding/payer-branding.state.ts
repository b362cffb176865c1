import type { PayerBrandingEvent, PayerLogoMediaType } from './payer-branding.events';

export interface PayerBrandingState {
  readonly displayName?: string;
  readonly logo?: {
    readonly mediaType: PayerLogoMediaType;
    readonly contentBase64: string;
    readonly bytes: number;
  };
}

export const initialPayerBrandingState: PayerBrandingState = {};

export function evolvePayerBranding(
  state: PayerBrandingState,
  event: PayerBrandingEvent,
): PayerBrandingState {
  switch (event.type) {
    case 'PayerDisplayNameSet.v1':
      return { ...state, displayName: event.data.displayName };
    case 'PayerLogoSet.v1': {
      const { mediaType, contentBase64, bytes } = event.data;
      return { ...state, logo: { mediaType, contentBase64, bytes } };
    }
    case 'PayerLogoRemoved.v1':
      return { displayName: state.displayName };
    default:
      return state;
  }
}
