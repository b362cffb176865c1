import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { BankDetailsCipher } from './bank-details-cipher';

/** The one cipher of bank details, keyed by BANK_DETAILS_KEY: venues, payers and SEPA files use it. */
@Global()
@Module({
  providers: [
    {
      provide: BankDetailsCipher,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new BankDetailsCipher(config.bankDetailsKey),
    },
  ],
  exports: [BankDetailsCipher],
})
export class BankAccountsModule {}
