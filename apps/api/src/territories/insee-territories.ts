import { Injectable } from '@nestjs/common';
import { InseeLookup } from '@pass/projections';

export type { Commune } from '@pass/projections';

/** The INSEE lookup (shared with the projections library) as a Nest provider. */
@Injectable()
export class InseeTerritories extends InseeLookup {}
