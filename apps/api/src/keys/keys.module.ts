import { Global, Module } from '@nestjs/common';
import { SigningKeyRing } from '@pass/vouchers';
import { KeysController } from './keys.controller';
import { signingKeyRingProvider } from './signing-key-ring.provider';

@Global()
@Module({ controllers: [KeysController], providers: [signingKeyRingProvider], exports: [SigningKeyRing] })
export class KeysModule {}
